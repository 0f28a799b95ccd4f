from datetime import datetime, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .. import planning

STAGES = [
    ("press", "Press"),
    ("glaze", "Glaze Line"),
    ("kiln", "Kiln"),
    ("sorting", "Sorting"),
    ("packing", "Packing"),
]
# A changeover of more than a month is a typing slip, not a plan.
MAX_CHANGEOVER_HOURS = 720


class MrpWorkcenter(models.Model):
    _inherit = "mrp.workcenter"

    tile_stage = fields.Selection(
        STAGES,
        help="Which stage of tile making this work centre does. Only work centres with a stage "
        "are planned by the tile planner.",
    )
    tile_rate_ids = fields.One2many("tile.workcenter.rate", "workcenter_id", "Rates per Format")
    tile_changeover_hours = fields.Float(
        "Format Changeover (h)",
        help="Hours lost when the next run has another format (moulds, kiln profile).",
    )
    tile_glaze_changeover_hours = fields.Float(
        "Glaze Changeover (h)", help="Hours lost when only the glaze or colour changes."
    )
    tile_min_batch_m2 = fields.Float(
        "Minimum Batch (m²)",
        help="A kiln is not fired for less: consecutive runs of one format below it are topped up.",
    )

    @api.constrains("tile_changeover_hours", "tile_glaze_changeover_hours", "tile_min_batch_m2")
    def _check_tile_planning_numbers(self):
        for centre in self:
            for hours in (centre.tile_changeover_hours, centre.tile_glaze_changeover_hours):
                if not 0 <= hours <= MAX_CHANGEOVER_HOURS:
                    raise ValidationError(
                        _(
                            "Changeover times of %(centre)s must be between 0 and %(max)s hours.",
                            centre=centre.display_name,
                            max=MAX_CHANGEOVER_HOURS,
                        )
                    )
            if not 0 <= centre.tile_min_batch_m2 <= 1_000_000:
                raise ValidationError(
                    _("The minimum batch of %s must be between 0 and 1,000,000 m².", centre.display_name)
                )

    def _tile_rates(self):
        self.ensure_one()
        return {rate.tile_format: rate.m2_per_day for rate in self.tile_rate_ids}

    def _tile_calendar(self):
        """The work centre's working time for the planner, in UTC like Odoo's datetimes."""
        self.ensure_one()
        calendar = self.resource_calendar_id
        if not calendar or calendar.flexible_hours:
            return planning.Calendar.always()
        # China keeps one offset all year; a calendar in a zone with summer time is read with
        # today's offset, an hour off for half the year at worst.
        offset = pytz.timezone(calendar.tz or "UTC").utcoffset(datetime.now()).total_seconds() / 3600
        intervals = []
        for att in calendar.attendance_ids.filtered(lambda a: a.day_period != "lunch" and not a.week_type):
            day = int(att.dayofweek)
            start, end = att.hour_from - offset, att.hour_to - offset
            # An interval that crosses midnight in UTC is cut in two.
            if start < 0:
                intervals.append(((day - 1) % 7, start + 24, min(24.0, end + 24)))
                start = 0.0
            if end > 24:
                intervals.append(((day + 1) % 7, max(0.0, start - 24), end - 24))
                end = 24.0
            if end > start:
                intervals.append((day, start, end))
        if not intervals:
            return planning.Calendar.always()
        holidays = set()
        for leave in calendar.leave_ids.filtered(lambda lv: not lv.resource_id):
            # Whole days off (public holidays); a leave of a few hours does not stop a line.
            day = (leave.date_from + timedelta(hours=offset)).date()
            while datetime.combine(day, datetime.min.time()) + timedelta(hours=20) <= leave.date_to:
                holidays.add(day)
                day += timedelta(days=1)
        return planning.Calendar(
            intervals=tuple(sorted(intervals)),
            holidays=frozenset(holidays),
            hours_per_day=calendar.hours_per_day or None,
        )

    def _tile_resource(self):
        """This work centre as the planner sees it."""
        self.ensure_one()
        return planning.Resource(
            key=self.id,
            rates=self._tile_rates(),
            changeover_hours=self.tile_changeover_hours,
            glaze_changeover_hours=self.tile_glaze_changeover_hours,
            min_batch_m2=self.tile_min_batch_m2,
            calendar=self._tile_calendar(),
        )
