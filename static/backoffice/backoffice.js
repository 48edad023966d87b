// Back office enhancements. Every page works without this file.
