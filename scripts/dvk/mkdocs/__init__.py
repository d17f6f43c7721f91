"""The MkDocs face: the plugin (`plugins: [dvk]`, registered by entry point) and the engine runs
behind `dvk build` and `dvk serve`. The only package that imports MkDocs."""
