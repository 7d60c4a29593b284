"""kehoach: a Vietnamese People's Council socio-economic plan, read, tracked and reported."""

__version__ = "0.1.0"
