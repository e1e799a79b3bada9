"""The Qt-free core: database, imports, KPI engine. Never import Qt from here."""
