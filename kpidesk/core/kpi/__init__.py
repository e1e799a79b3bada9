"""KPI definitions (files), the relations they read, and the engine that runs them."""
