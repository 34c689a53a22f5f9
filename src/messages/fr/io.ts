// Messages des lectures et écritures de fichiers (io/) : entrées du contrôle, décodage, sorties.
export const io: Record<string, string> = {
  'io/input-not-found': 'Fichier introuvable : {file}',
  'io/input-directory': '{file} est un dossier, pas un fichier.',
  'io/input-fifo': '{file} est un tube nommé (FIFO), pas un fichier ordinaire : refusé sans attendre.',
  'io/input-device': '{file} est un périphérique, pas un fichier ordinaire : refusé.',
  'io/input-special': '{file} n’est pas un fichier ordinaire (socket ou autre) : refusé.',
  'io/input-too-large': '{file} fait au moins {size} octets, au-delà de la limite de {max} octets : refusé sans être lu.',
  'io/input-outside': '{file} est un lien symbolique vers un fichier hors du dossier de preuves : refusé.',
  'io/input-invalid-bytes':
    '{file}, ligne {line}, colonne {column} : octet invalide en {encoding} (octet n° {offset}). Réenregistrez le fichier en UTF-8.',
  'io/input-unknown-encoding': '{file} : encodage « {encoding} » non pris en charge (UTF-8, UTF-16, ISO-8859-1, ISO-8859-15, windows-1252).',
  'io/output-directory': '{file} est un dossier : indiquez un fichier de sortie.',
  'io/output-special': '{file} n’est ni un fichier, ni un périphérique, ni un tube : sortie refusée.',
  'io/output-dangling-link': '{file} est un lien symbolique vers un fichier absent : sortie refusée (segur n’écrit pas à travers un lien vers un chemin inconnu).',
  'io/output-replaced': '{file} a été remplacé pendant le contrôle par un lien, un tube ou un dossier : il n’est pas écrasé ; relancez la commande.',
};
