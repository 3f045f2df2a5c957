# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The suite's roles (X2), by the xmlid of their group: the ladder desk →
supervisor (also technician) → manager → executive, and the quality
department beside it. Every module checks roles through these names."""

DESK = "aftersales_base.group_aftersales_desk"
TECHNICIAN = "aftersales_base.group_aftersales_technician"
SUPERVISOR = "aftersales_base.group_aftersales_supervisor"
MANAGER = "aftersales_base.group_aftersales_manager"
EXECUTIVE = "aftersales_base.group_aftersales_executive"
QUALITY = "aftersales_base.group_aftersales_quality"
