"""kpidesk — customer-service KPIs from your own exports, offline."""

__version__ = "0.1.0"
