"""kehoach.services"""
