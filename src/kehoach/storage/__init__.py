"""kehoach.storage"""
