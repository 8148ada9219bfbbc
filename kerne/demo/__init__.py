"""Realistic Danish demo data for Kerne (pure Python, no Django)."""

from __future__ import annotations
