"""The theme's colours as reportlab colours, converted once for every PDF module."""

from __future__ import annotations

from reportlab.lib.colors import HexColor

from .. import theme

INK = HexColor(theme.INK)
ACCENT = HexColor(theme.ACCENT)
MUTED = HexColor(theme.MUTED)
RULE = HexColor(theme.RULE)
SHADE = HexColor(theme.SHADE)
WARNING_FILL = HexColor(theme.WARNING_FILL)
WARNING_EDGE = HexColor(theme.WARNING_EDGE)
OK_FILL = HexColor(theme.OK_FILL)
OK_EDGE = HexColor(theme.OK_EDGE)
MEMBER_BAR = HexColor(theme.MEMBER_BAR)
OBSERVER_BAR = HexColor(theme.OBSERVER_BAR)
