"""Entry point of the frozen, windowed `repair-counter-gui.exe` on Windows (installer/repair-counter.spec)."""

from app.cli import gui_main

if __name__ == "__main__":
    raise SystemExit(gui_main())
