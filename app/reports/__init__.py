"""Outlet reports (issue 16): KPI figures from aggregates only (docs/ARCHITECTURE.md section 3)."""
