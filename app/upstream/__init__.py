"""The reference upstream service (FastAPI on uvicorn) that outlets enrol with, push their
outbox to, pull reference data from and anchor their audit journal heads with."""
