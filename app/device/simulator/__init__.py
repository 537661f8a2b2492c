"""The simulated handset (docs/ARCHITECTURE.md section 7): a phone on the adb wire protocol, for tests and demo mode."""

from app.device.simulator.profile import HandsetProfile, ProfileError, load_profile
from app.device.simulator.server import SimulatedHandset

__all__ = ["HandsetProfile", "ProfileError", "SimulatedHandset", "load_profile"]
