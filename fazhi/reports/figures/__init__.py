"""The annual report's figures, one module per area, each reading the records through that
app's models and selectors and registering its definitions in ``fazhi.core.selectors.figures``.
``ReportsConfig.ready`` imports them."""

from fazhi.reports.figures import (  # noqa: F401 - importing a module registers its figures
    decisions,
    disputes,
    education,
    governance,
    legislation,
    normdocs,
    officers,
    publicity,
    services,
    supervision,
)
