"""kehoach.cli"""
