"""The service report: what a production committee reads (see ``report.build``)."""

from kpidesk.core.service.report import HEADLINE, ServiceReport, build

__all__ = ["HEADLINE", "ServiceReport", "build"]
