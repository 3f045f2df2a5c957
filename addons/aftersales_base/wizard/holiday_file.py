# Copyright 2026 The After-Sales Suite Authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Reads a yearly list of public holidays and make-up working days (T1)
from a CSV file (date_from, date_to, type, name[, works_like]) or an
iCalendar file (the VEVENTs a manager downloads with the official
announcement). Every day is checked before anything is written: a bad line
or event raises a UserError naming it."""

import csv
import io
import re
from datetime import datetime, timedelta

from odoo.exceptions import UserError

from ..models.calendar_day import NAME_SIZE, WEEKDAYS

MAX_BYTES = 1024 * 1024
MAX_DAYS = 1000
# A holiday spans at most this many days: a longer one is a typing error.
MAX_SPAN = 31
WORKDAY_WORDS = ("班", "make-up", "makeup", "working day", "workday")
WEEKDAY_NAMES = {label.lower(): code for code, label in WEEKDAYS}


def decode(data):
    """The text of an uploaded file: UTF-8 (with or without BOM), else
    GB18030 (a CSV saved by a Chinese spreadsheet)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def parse(env, data):
    """The days of an uploaded file, as dicts (name, day_type, date_from,
    date_to, works_like); one dict per make-up day."""
    if len(data) > MAX_BYTES:
        raise UserError(env._("The file is larger than 1 MB: is it a holiday list?"))
    text = decode(data)
    if text is None:
        raise UserError(env._("The file is neither UTF-8 nor GB18030 text."))
    if "BEGIN:VCALENDAR" in text[:2000].upper():
        days = _parse_ics(env, text)
    else:
        days = _parse_csv(env, text)
    if not days:
        raise UserError(env._("The file holds no public holiday or make-up day."))
    if len(days) > MAX_DAYS:
        raise UserError(env._("The file holds more than %s days.", MAX_DAYS))
    return days


def _date(value):
    value = (value or "").strip()
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _days(env, where, name, day_type, date_from, date_to, works_like="0"):
    """The checked dicts of one line or event (``where`` names it)."""
    name = (name or "").strip()
    if not name:
        raise UserError(env._("%s: the name is missing.", where))
    if len(name) > NAME_SIZE:
        raise UserError(
            env._(
                "%(where)s: the name has more than %(size)s characters.",
                where=where,
                size=NAME_SIZE,
            )
        )
    if date_to < date_from:
        raise UserError(env._("%s: the holiday ends before it starts.", where))
    if (date_to - date_from).days >= MAX_SPAN:
        raise UserError(
            env._(
                "%(where)s: %(span)s days is not one holiday.",
                where=where,
                span=(date_to - date_from).days + 1,
            )
        )
    if day_type == "holiday":
        return [{"name": name, "day_type": "holiday", "date_from": date_from, "date_to": date_to}]
    # a make-up working day is one record per day
    return [
        {
            "name": name,
            "day_type": "workday",
            "date_from": day,
            "date_to": day,
            "works_like": works_like,
        }
        for day in (date_from + timedelta(days=n) for n in range((date_to - date_from).days + 1))
    ]


def _parse_csv(env, text):
    reader = csv.reader(io.StringIO(text))
    header = [cell.strip().lower() for cell in next(reader, [])]
    required = ("date_from", "date_to", "type", "name")
    if any(column not in header for column in required):
        raise UserError(
            env._(
                "The CSV file's first line names its columns: %s[, works_like].",
                ", ".join(required),
            )
        )
    index = {column: header.index(column) for column in header}
    days = []
    for number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = env._("Line %s", number)
        if len(row) < len(required):
            raise UserError(env._("%s: fewer columns than the header.", where))
        cell = {column: (row[i] if i < len(row) else "").strip() for column, i in index.items()}
        date_from = _date(cell["date_from"])
        date_to = _date(cell["date_to"]) if cell["date_to"] else date_from
        if not date_from or not date_to:
            raise UserError(
                env._(
                    "%(where)s: a date is not a date (YYYY-MM-DD): %(value)s",
                    where=where,
                    value=f"{cell['date_from']} {cell['date_to']}",
                )
            )
        day_type = cell["type"].lower()
        if day_type not in ("holiday", "workday"):
            raise UserError(
                env._(
                    "%(where)s: the type is holiday or workday, not %(value)s.",
                    where=where,
                    value=cell["type"],
                )
            )
        works_like = (cell.get("works_like") or "0").lower()
        works_like = WEEKDAY_NAMES.get(works_like, works_like)
        if works_like not in dict(WEEKDAYS):
            raise UserError(
                env._(
                    "%(where)s: works_like is a weekday (0 Monday to 6 Sunday), not %(value)s.",
                    where=where,
                    value=cell.get("works_like"),
                )
            )
        days += _days(env, where, cell["name"], day_type, date_from, date_to, works_like)
    return days


def _ics_lines(text):
    """The content lines of an iCalendar text, folded lines unfolded."""
    lines = []
    for raw in text.splitlines():
        if raw[:1] in (" ", "\t") and lines:
            lines[-1] += raw[1:]
        elif raw.strip():
            lines.append(raw)
    return lines


def _ics_value(value):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _ics_date(value, end=False):
    """The day of a DTSTART/DTEND value; an end is exclusive (a DATE
    ending at the next day, a DATE-TIME at a midnight)."""
    value = value.strip()
    day = _date(value[:8])
    if day is None or len(value) not in (8, 15, 16):
        return None
    if end and (len(value) == 8 or value[9:15] == "000000"):
        day -= timedelta(days=1)
    return day


def _parse_ics(env, text):
    days = []
    event = None
    number = 0
    for line in _ics_lines(text):
        head, _sep, value = line.partition(":")
        prop = head.split(";", 1)[0].strip().upper()
        if prop == "BEGIN" and value.strip().upper() == "VEVENT":
            number += 1
            event = {}
        elif prop == "END" and value.strip().upper() == "VEVENT" and event is not None:
            days += _ics_event_days(env, number, event)
            event = None
        elif event is not None and prop in ("DTSTART", "DTEND", "SUMMARY"):
            event[prop] = _ics_value(value)
    return days


def _ics_event_days(env, number, event):
    summary = (event.get("SUMMARY") or "").strip()
    where = env._("Event %(number)s (%(summary)s)", number=number, summary=summary[:40])
    date_from = _ics_date(event.get("DTSTART", ""))
    if date_from is None:
        raise UserError(env._("%s: DTSTART is missing or not a date.", where))
    if "DTEND" in event:
        date_to = _ics_date(event["DTEND"], end=True)
        if date_to is None:
            raise UserError(env._("%s: DTEND is not a date.", where))
        if date_to == date_from - timedelta(days=1):
            date_to = date_from  # an event of no length: its day
    else:
        date_to = date_from
    lowered = summary.lower()
    day_type = "workday" if any(word in lowered for word in WORKDAY_WORDS) else "holiday"
    return _days(env, where, summary, day_type, date_from, date_to)
