"""Spare parts at the outlet: stock, moves, the genuine-part check, parts on tickets, dispatch (issue 18)."""
