<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Reasons</name>
    <message>
        <source>no data</source>
        <translation>pas de données</translation>
    </message>
    <message>
        <source>not defined for this data</source>
        <translation>non défini pour ces données</translation>
    </message>
    <message>
        <source>a queue-level figure: not meaningful per agent or team</source>
        <translation>indicateur de file : sans objet par conseiller ou par équipe</translation>
    </message>
    <message>
        <source>not available at this grain</source>
        <translation>non disponible à ce niveau de détail</translation>
    </message>
    <message>
        <source>not available for one weekday or hour</source>
        <translation>non disponible pour un jour de la semaine ou une heure</translation>
    </message>
    <message>
        <source>could not be computed (see the KPI file)</source>
        <translation>n'a pas pu être calculé (voir le fichier de l'indicateur)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The database {path} is already open in another program. Close the other kpidesk window, or open a copy of the file.</source>
        <translation>La base {path} est déjà ouverte dans un autre programme. Fermez l'autre fenêtre kpidesk, ou ouvrez une copie du fichier.</translation>
    </message>
    <message>
        <source>The database {path} is already open in another program (process {pid}). Close the other kpidesk window, or open a copy of the file.</source>
        <translation>La base {path} est déjà ouverte dans un autre programme (processus {pid}). Fermez l'autre fenêtre kpidesk, ou ouvrez une copie du fichier.</translation>
    </message>
    <message>
        <source>Cannot open the database {path}: {detail}</source>
        <translation>Impossible d'ouvrir la base {path} : {detail}</translation>
    </message>
    <message>
        <source>{path} is not a kpidesk database (is it an export to import rather than open?).</source>
        <translation>{path} n'est pas une base kpidesk (est-ce un export à importer plutôt qu'à ouvrir ?).</translation>
    </message>
    <message>
        <source>The database {path} was written by a newer version of kpidesk (it has schema step {step}, this is kpidesk {version}). Update kpidesk to open it; the file was not changed.</source>
        <translation>La base {path} a été écrite par une version plus récente de kpidesk (étape de schéma {step}, ceci est kpidesk {version}). Mettez kpidesk à jour pour l'ouvrir ; le fichier n'a pas été modifié.</translation>
    </message>
    <message>
        <source>The operation failed.</source>
        <translation>L'opération a échoué.</translation>
    </message>
    <message>
        <source>Something went wrong: {detail}</source>
        <translation>Une erreur est survenue : {detail}</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>Import annulé ; rien n'a été écrit.</translation>
    </message>
    <message>
        <source>{file} could not be imported: {detail}</source>
        <translation>{file} n'a pas pu être importé : {detail}</translation>
    </message>
    <message>
        <source>{file} could not be imported.</source>
        <translation>{file} n'a pas pu être importé.</translation>
    </message>
    <message>
        <source>The file has fewer than {line} lines.</source>
        <translation>Le fichier a moins de {line} lignes.</translation>
    </message>
    <message>
        <source>{file} is not valid {encoding} text (byte {byte} cannot be read): save it again as UTF-8, or name its encoding in the profile ([read] encoding).</source>
        <translation>{file} n'est pas un texte {encoding} valide (l'octet {byte} est illisible) : enregistrez-le de nouveau en UTF-8, ou indiquez son encodage dans le profil ([read] encoding).</translation>
    </message>
    <message>
        <source>{file}: line {line} opens a quote (&quot;) that is never closed, so every line after it would be read as one field and lost. Close or remove that quote and import the file again.</source>
        <translation>{file} : la ligne {line} ouvre un guillemet (&quot;) qui n'est jamais fermé ; toutes les lignes suivantes seraient lues comme un seul champ et perdues. Fermez ou retirez ce guillemet, puis importez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>{file} has no data rows: there is nothing to import.</source>
        <translation>{file} ne contient aucune ligne de données : il n'y a rien à importer.</translation>
    </message>
    <message>
        <source>{file}: every row was rejected ({rejected} of {read}), nothing was imported; first reason: {reason}.</source>
        <translation>{file} : toutes les lignes ont été rejetées ({rejected} sur {read}), rien n'a été importé ; premier motif : {reason}.</translation>
    </message>
    <message>
        <source>{file} is empty: there is nothing to import.</source>
        <translation>{file} est vide : il n'y a rien à importer.</translation>
    </message>
    <message>
        <source>{file} does not exist or is not a file.</source>
        <translation>{file} n'existe pas ou n'est pas un fichier.</translation>
    </message>
    <message>
        <source>{file} is not a text export (it looks like a binary file). Export the data as CSV, Excel, Parquet or JSON.</source>
        <translation>{file} n'est pas un export texte (il ressemble à un fichier binaire). Exportez les données en CSV, Excel, Parquet ou JSON.</translation>
    </message>
    <message>
        <source>{file} cannot be read as {kind}: the file is damaged, or is not {kind} despite its name. Export it again, or export it as CSV.</source>
        <translation>{file} ne peut pas être lu comme {kind} : le fichier est endommagé, ou n'est pas du {kind} malgré son nom. Exportez-le de nouveau, ou exportez-le en CSV.</translation>
    </message>
    <message>
        <source>{file} is text, not a table of records (its first line reads as sentences, not as column names). Export the list of calls, tickets or answers as CSV or Excel.</source>
        <translation>{file} est du texte, pas un tableau d'enregistrements (sa première ligne se lit comme des phrases, pas comme des noms de colonnes). Exportez la liste des appels, tickets ou réponses en CSV ou Excel.</translation>
    </message>
    <message>
        <source>{file} is a compressed archive, not a spreadsheet or a text export. Extract the file you want to import first.</source>
        <translation>{file} est une archive compressée, ni un tableur ni un export texte. Extrayez d'abord le fichier à importer.</translation>
    </message>
    <message>
        <source>{file} is a damaged or incomplete spreadsheet (cut short while copying or downloading?). Save or download it again.</source>
        <translation>{file} est un tableur endommagé ou incomplet (coupé pendant une copie ou un téléchargement ?). Enregistrez-le ou téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <source>{file} does not hold a table of records (no separator gives the same number of fields on every line). If it is a dashboard or report saved as CSV, export the underlying list of calls, tickets or answers instead.</source>
        <translation>{file} ne contient pas un tableau d'enregistrements (aucun séparateur ne donne le même nombre de champs sur chaque ligne). S'il s'agit d'un tableau de bord ou d'un rapport enregistré en CSV, exportez plutôt la liste des appels, tickets ou réponses.</translation>
    </message>
    <message>
        <source>{file} has a header but no data rows: there is nothing to import.</source>
        <translation>{file} a un en-tête mais aucune ligne de données : il n'y a rien à importer.</translation>
    </message>
    <message>
        <source>{file} has no usable column names in its header.</source>
        <translation>{file} n'a aucun nom de colonne utilisable dans son en-tête.</translation>
    </message>
    <message>
        <source>{file} cannot be read as {kind}: {detail}</source>
        <translation>{file} ne peut pas être lu comme {kind} : {detail}</translation>
    </message>
    <message>
        <source>{file} has no columns: there is nothing to import.</source>
        <translation>{file} n'a aucune colonne : il n'y a rien à importer.</translation>
    </message>
    <message>
        <source>{file} would take {size} GB once unpacked (the limit is {limit} GB): export it as CSV, or split it.</source>
        <translation>{file} occuperait {size} Go une fois décompressé (la limite est de {limit} Go) : exportez-le en CSV, ou découpez-le.</translation>
    </message>
    <message>
        <source>{file} holds a part that unpacks {ratio} times larger than it is stored: not an ordinary spreadsheet, not read.</source>
        <translation>{file} contient une partie qui se décompresse {ratio} fois plus grande qu'elle n'est stockée : ce n'est pas un tableur ordinaire, il n'est pas lu.</translation>
    </message>
    <message>
        <source>{file} cannot be opened as a spreadsheet: {detail}</source>
        <translation>{file} ne peut pas être ouvert comme tableur : {detail}</translation>
    </message>
    <message>
        <source>Sheet {sheet} of {file} cannot be read: {detail}</source>
        <translation>La feuille {sheet} de {file} ne peut pas être lue : {detail}</translation>
    </message>
    <message>
        <source>{file} has no sheet named {sheet} (sheets: {sheets}).</source>
        <translation>{file} n'a pas de feuille nommée {sheet} (feuilles : {sheets}).</translation>
    </message>
    <message>
        <source>{file} has no sheet with data: there is nothing to import.</source>
        <translation>{file} n'a aucune feuille contenant des données : il n'y a rien à importer.</translation>
    </message>
    <message>
        <source>Sheet {sheet} of {file} is empty.</source>
        <translation>La feuille {sheet} de {file} est vide.</translation>
    </message>
    <message>
        <source>Sheet {sheet} of {file} has no usable column.</source>
        <translation>La feuille {sheet} de {file} n'a aucune colonne utilisable.</translation>
    </message>
    <message>
        <source>The profile {file} cannot be read: {detail}</source>
        <translation>Le profil {file} ne peut pas être lu : {detail}</translation>
    </message>
    <message>
        <source>The profile {file} is not valid: {detail}</source>
        <translation>Le profil {file} n'est pas valide : {detail}</translation>
    </message>
    <message>
        <source>No profile named {name}. Known profiles: {names}.</source>
        <translation>Aucun profil nommé {name}. Profils connus : {names}.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>{problem} (profile ignored)</source>
        <translation>{problem} (profil ignoré)</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file} : {message}</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>No database is open: {problem}</source>
        <translation>Aucune base n'est ouverte : {problem}</translation>
    </message>
    <message>
        <source>Explore the demo data, or open another database.</source>
        <translation>Explorez les données de démonstration, ou ouvrez une autre base.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{path} · {n} records from {first} to {last}</source>
        <translation>{path} · {n} enregistrements du {first} au {last}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>{kpi}: {text} is not a valid value.</source>
        <translation>{kpi} : {text} n'est pas une valeur valide.</translation>
    </message>
    <message>
        <source>{day}: {span} is not a time range such as 09:00-12:30.</source>
        <translation>{day} : {span} n'est pas une plage horaire comme 09:00-12:30.</translation>
    </message>
    <message>
        <source>Holidays: {line} does not start with a date such as 2026-12-25.</source>
        <translation>Jours fériés : {line} ne commence pas par une date comme 2026-12-25.</translation>
    </message>
</context>
<context>
    <name>CoachingNotes</name>
    <message>
        <source>no data yet</source>
        <translation>pas encore de données</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <source>(hidden in privacy mode)</source>
        <translation>(masqué en mode confidentialité)</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>Latest day of data</source>
        <translation>Dernier jour de données</translation>
    </message>
    <message>
        <source>Day before the latest</source>
        <translation>Veille du dernier jour</translation>
    </message>
</context>
<context>
    <name>MappingValues</name>
    <message>
        <source>solved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>clôturé</translation>
    </message>
    <message>
        <source>missed</source>
        <translation>manqué</translation>
    </message>
</context>
<context>
    <name>ChannelView</name>
    <message>
        <source>n = {n} (small sample)</source>
        <translation>n = {n} (petit échantillon)</translation>
    </message>
    <message>
        <source>n = {n}</source>
        <translation>n = {n}</translation>
    </message>
    <message>
        <source>{kpi}: no data for this period</source>
        <translation>{kpi} : pas de données sur cette période</translation>
    </message>
</context>
</TS>
