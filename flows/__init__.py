"""Prefect flows: orchestration only. Every step calls ingest/, expectations/ or warehouse/."""
