"""kehoach.parsing"""
