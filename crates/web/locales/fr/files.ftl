# Fichiers déposés : limites de taille et types vérifiés d'après leur contenu.
upload-error-size = Ce fichier dépasse la limite de { $max } Mo : choisis-en un plus léger.
upload-error-type-document = Ce fichier n'est pas un document accepté (PDF, PNG, JPEG, texte, CSV, Markdown, ODT, ODS, DOCX ou XLSX) ou son contenu ne correspond pas à son nom.
upload-error-type-audio = Ce fichier n'est pas un fichier audio accepté (MP3, Ogg, M4A ou WAV) ou son contenu ne correspond pas à son nom.
upload-error-type-video = Ce fichier n'est pas une vidéo MP4 ou WebM : son contenu ne correspond pas à son nom.
upload-error-type-captions = Les sous-titres doivent être un fichier WebVTT (.vtt) commençant par WEBVTT.
