# Uploaded files: size limits and types checked from their content.
upload-error-size = This file is over the { $max } MB limit: choose a lighter one.
upload-error-type-document = This file is not an accepted document (PDF, PNG, JPEG, text, CSV, Markdown, ODT, ODS, DOCX or XLSX) or its content does not match its name.
upload-error-type-audio = This file is not an accepted audio file (MP3, Ogg, M4A or WAV) or its content does not match its name.
upload-error-type-video = This file is not an MP4 or WebM video: its content does not match its name.
upload-error-type-captions = Captions must be a WebVTT file (.vtt) starting with WEBVTT.
