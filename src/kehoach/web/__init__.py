"""The web application: pages for people (Jinja2 + htmx) and a JSON API under /api/v1."""
