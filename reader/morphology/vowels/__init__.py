"""vowels"""
