"""The window: PySide6 dialogs and widgets over the core in ``counselor_app``.

Start it with :func:`ui.app.run`.
"""
