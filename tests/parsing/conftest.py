import sys
from pathlib import Path

# the scoring helper sits beside the parser tests
sys.path.insert(0, str(Path(__file__).parent))
