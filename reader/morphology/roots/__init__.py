"""roots"""
