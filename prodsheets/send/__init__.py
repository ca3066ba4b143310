"""``prodsheets send PROD --date D``: each person called that day gets their own message.

:mod:`prodsheets.send.messages` builds the messages from the report's data (their lines,
the call sheet attached); :mod:`prodsheets.send.deliver` writes them as ``.eml`` files, and
sends them through SMTP when asked. Nothing here reads a workbook or decides a time.
"""
