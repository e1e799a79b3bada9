<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>About</name>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>About kpidesk</source>
        <translation>À propos de kpidesk</translation>
    </message>
    <message>
        <source>Customer-service KPIs from your own exports, offline, on your laptop.</source>
        <translation>Les indicateurs du service client à partir de vos propres exports, hors ligne, sur votre ordinateur.</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
</context>
<context>
    <name>AgentTable</name>
    <message>
        <source>Agent</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>small sample: not ranked</source>
        <translation>petit échantillon : non classé</translation>
    </message>
</context>
<context>
    <name>AgentsView</name>
    <message>
        <source>… {n} more (see the table)</source>
        <translation>… {n} de plus (voir le tableau)</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>Classement</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>Quadrant</translation>
    </message>
    <message>
        <source>All agents, all channels</source>
        <translation>Tous les conseillers, tous canaux</translation>
    </message>
    <message>
        <source>{kpi}: no agent with enough data in this period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChannelView</name>
    <message>
        <source>darker: worse</source>
        <translation>plus foncé : moins bon</translation>
    </message>
    <message>
        <source>brighter: worse</source>
        <translation>plus clair : moins bon</translation>
    </message>
    <message>
        <source>darker: more</source>
        <translation>plus foncé : plus élevé</translation>
    </message>
    <message>
        <source>brighter: more</source>
        <translation>plus clair : plus élevé</translation>
    </message>
    <message>
        <source>Handle time</source>
        <translation>Durée de traitement</translation>
    </message>
    <message>
        <source>Wait before answer</source>
        <translation>Attente avant décroché</translation>
    </message>
    <message>
        <source>First response time</source>
        <translation>Délai de première réponse</translation>
    </message>
    <message>
        <source>Resolution time</source>
        <translation>Temps de résolution</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <source>n = {n} (small sample)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Conseillers</translation>
    </message>
    <message>
        <source>Grey italics: small sample, not ranked. Double-click an agent to open coaching.</source>
        <translation>Italique gris : petit échantillon, non classé. Double-cliquez sur un conseiller pour ouvrir le coaching.</translation>
    </message>
    <message>
        <source>Hour × weekday</source>
        <translation>Heure × jour</translation>
    </message>
    <message>
        <source>grey: too few contacts</source>
        <translation>gris : trop peu de contacts</translation>
    </message>
    <message>
        <source>n = {n}: too few to read</source>
        <translation>n = {n} : trop peu pour conclure</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>Distribution</translation>
    </message>
    <message>
        <source>median</source>
        <translation>médiane</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>Distribution (mean {mean})</source>
        <translation>Distribution (moyenne {mean})</translation>
    </message>
    <message>
        <source>{kpi}: no data for this period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Bot</source>
        <translation>Bot</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Réseaux sociaux</translation>
    </message>
    <message>
        <source>Web / portal</source>
        <translation>Web / portail</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>Selfcare</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>{n} selected</source>
        <translation>{n} choisis</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Undo the last narrowing</source>
        <translation>Annuler le dernier filtrage</translation>
    </message>
    <message>
        <source>Compare to</source>
        <translation>Comparer à</translation>
    </message>
    <message>
        <source>by</source>
        <translation>par</translation>
    </message>
    <message>
        <source>Every figure counts only this weekday and hour across the period. Click to remove.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Importing {n} file(s)…</source>
        <translation>Import de {n} fichier(s)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was changed.</source>
        <translation>Import annulé : rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Import cancelled: the file being imported was not written; the files imported before it are kept.</source>
        <translation>Import annulé : le fichier en cours n&apos;a pas été importé ; les fichiers importés avant lui sont conservés.</translation>
    </message>
    <message>
        <source>{problem} (profile ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {read} rows read, {loaded} loaded, {dup} duplicates, {rej} rejected</source>
        <translation>{file} : {read} lignes lues, {loaded} importées, {dup} doublons, {rej} rejetées</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l&apos;import</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>  Records told apart by: {key}</source>
        <translation>  Enregistrements distingués par : {key}</translation>
    </message>
    <message>
        <source>  Warning: {rej} of {read} rows rejected ({share}): {reasons}</source>
        <translation>  Attention : {rej} lignes rejetées sur {read} ({share}) : {reasons}</translation>
    </message>
    <message>
        <source>  {n} rows ignored: {reason}</source>
        <translation>  {n} lignes ignorées : {reason}</translation>
    </message>
    <message>
        <source>  This file cannot say that a contact was abandoned: no abandon rate from its contacts.</source>
        <translation>  Ce fichier ne peut pas dire qu&apos;un contact a été abandonné : pas de taux d&apos;abandon à partir de ses contacts.</translation>
    </message>
    <message>
        <source>  This file cannot say that a call flowed out: no flow-out count from its calls.</source>
        <translation>  Ce fichier ne peut pas dire qu&apos;un appel a débordé : pas de nombre de débordements à partir de ses appels.</translation>
    </message>
    <message>
        <source>  Warning: {text}</source>
        <translation>  Attention : {text}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>Columns of {file}</source>
        <translation>Colonnes de {file}</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lue comme</translation>
    </message>
    <message>
        <source>The facts derived from these files (repeat contacts, survey links) could not be updated: {error}. They are retried when the database is next opened.</source>
        <translation>Les faits dérivés de ces fichiers (recontacts, liens d&apos;enquête) n&apos;ont pas pu être mis à jour : {error}. Ils seront recalculés à la prochaine ouverture de la base.</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <source>Import history</source>
        <translation>Historique des imports</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date d&apos;import</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lignes lues</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Importées</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetées</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorées</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif du rejet</translation>
    </message>
    <message>
        <source>Raw text</source>
        <translation>Ligne brute</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Rejected rows of {file}</source>
        <translation>Lignes rejetées de {file}</translation>
    </message>
    <message>
        <source>Select an import to see its rejected rows.</source>
        <translation>Sélectionnez un import pour voir ses lignes rejetées.</translation>
    </message>
    <message>
        <source>No import yet.</source>
        <translation>Aucun import pour l&apos;instant.</translation>
    </message>
    <message>
        <source>{n} rejected rows (first {shown} shown)</source>
        <translation>Lignes rejetées : {n} (les {shown} premières sont affichées)</translation>
    </message>
    <message>
        <source>{n} rejected rows</source>
        <translation>Lignes rejetées : {n}</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Colonnes du fichier</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Ignored rows</source>
        <translation>Lignes ignorées</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lue comme</translation>
    </message>
    <message>
        <source>Records told apart by: {key}</source>
        <translation>Enregistrements distingués par : {key}</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>Lignes rejetées</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>(hidden in privacy mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This import was made before kpidesk kept the use of each column.</source>
        <translation>Cet import date d&apos;avant le suivi de l&apos;usage de chaque colonne par kpidesk.</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <source>Satisfaction score (survey answers linked to these contacts)</source>
        <translation>Note de satisfaction (réponses d&apos;enquête liées à ces contacts)</translation>
    </message>
    <message>
        <source>as the format defines it</source>
        <translation>telle que le format la définit</translation>
    </message>
    <message>
        <source>average × count ({0})</source>
        <translation>moyenne × nombre ({0})</translation>
    </message>
    <message>
        <source>cannot read the {0} in column {1}</source>
        <translation>{0} illisible dans la colonne {1}</translation>
    </message>
    <message>
        <source>cannot read the {0} in column {1}: {2}</source>
        <translation>{0} illisible dans la colonne {1} : {2}</translation>
    </message>
    <message>
        <source>coded values: {0}</source>
        <translation>valeurs codées : {0}</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>date (format {0})</source>
        <translation>date (format {0})</translation>
    </message>
    <message>
        <source>date + time of day</source>
        <translation>date + heure</translation>
    </message>
    <message>
        <source>date and time</source>
        <translation>date et heure</translation>
    </message>
    <message>
        <source>days</source>
        <translation>jours</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>durée</translation>
    </message>
    <message>
        <source>duration in {0}</source>
        <translation>durée en {0}</translation>
    </message>
    <message>
        <source>duration in {0} or clock time (hh:mm:ss)</source>
        <translation>durée en {0} ou en hh:mm:ss</translation>
    </message>
    <message>
        <source>expression: {0}</source>
        <translation>expression : {0}</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>millisecondes</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>no value for {0}</source>
        <translation>aucune valeur pour {0}</translation>
    </message>
    <message>
        <source>not a record of its own: folded into another row&apos;s record, or an event the profile does not count</source>
        <translation>pas un enregistrement en soi : regroupée avec une autre ligne, ou un événement que le profil ne compte pas</translation>
    </message>
    <message>
        <source>not a record of its own: folded into another row&apos;s record, or an event the {0} format does not count</source>
        <translation>pas un enregistrement en soi : regroupée avec une autre ligne, ou un événement que le format {0} ne compte pas</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>non utilisée</translation>
    </message>
    <message>
        <source>not used (its values do not fit {0})</source>
        <translation>non utilisée (ses valeurs ne conviennent pas à {0})</translation>
    </message>
    <message>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>percentage</source>
        <translation>pourcentage</translation>
    </message>
    <message>
        <source>read by the {0} format</source>
        <translation>lue par le format {0}</translation>
    </message>
    <message>
        <source>score</source>
        <translation>note</translation>
    </message>
    <message>
        <source>score (leading number)</source>
        <translation>note (nombre en tête)</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>summary row (total), not a record</source>
        <translation>ligne de total, pas un enregistrement</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <source>the line has fewer fields than the header</source>
        <translation>la ligne a moins de champs que l&apos;en-tête</translation>
    </message>
    <message>
        <source>the line has more fields than the header</source>
        <translation>la ligne a plus de champs que l&apos;en-tête</translation>
    </message>
    <message>
        <source>the whole row (no id column)</source>
        <translation>la ligne entière (pas de colonne d&apos;identifiant)</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>nombre entier</translation>
    </message>
    <message>
        <source>yes/no</source>
        <translation>oui/non</translation>
    </message>
    <message>
        <source>yes/no value</source>
        <translation>valeur oui/non</translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}; dates the records (no creation time), no duration measured from it</source>
        <translation>{0} ; date les enregistrements (pas d&apos;heure de création), aucune durée mesurée à partir d&apos;elle</translation>
    </message>
    <message>
        <source>{0}; no duration measured from it (no creation time)</source>
        <translation>{0} ; aucune durée mesurée à partir d&apos;elle (pas d&apos;heure de création)</translation>
    </message>
    <message>
        <source>date and time (format {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event folded into its call (the call is rebuilt from its events)</source>
        <translation>événement intégré à son appel (l&apos;appel est reconstitué à partir de ses événements)</translation>
    </message>
    <message>
        <source>no call id</source>
        <translation>pas d&apos;identifiant d&apos;appel</translation>
    </message>
    <message>
        <source>call {0} has no outcome yet (still queued when the log ends?)</source>
        <translation>appel {0} sans issue encore (toujours en file à la fin du journal ?)</translation>
    </message>
    <message>
        <source>{0} + {1} (the id repeats for different records)</source>
        <translation>{0} + {1} (l&apos;identifiant se répète pour des enregistrements différents)</translation>
    </message>
    <message>
        <source>No column says when each record was created: they are dated by {0} ({1}). Their time of arrival is unknown (left out of the out-of-hours figures), and first-response and resolution times, which need it, are not measured.</source>
        <translation>Aucune colonne ne dit quand chaque enregistrement a été créé : ils sont datés par {0} ({1}). Leur heure d&apos;arrivée est inconnue (hors des chiffres hors horaires), et les délais de première réponse et de résolution, qui en ont besoin, ne sont pas mesurés.</translation>
    </message>
    <message>
        <source>{0} row(s) have an outcome kpidesk does not know: {1}. They count in no answer or abandon rate: map these values in the import dialog and import the file again.</source>
        <translation>{0} ligne(s) ont une issue que kpidesk ne connaît pas : {1}. Elles ne comptent dans aucun taux de décroché ou d&apos;abandon : associez ces valeurs dans la fenêtre d&apos;import et importez à nouveau le fichier.</translation>
    </message>
    <message>
        <source>Dates in {0} read day first or month first alike (no day above 12 in the rows looked at): they were read day first (01/02/2024 = 1 February 2024). If the export writes the month first, choose that date order in the import dialog and import the file again.</source>
        <translation>Les dates de {0} se lisent aussi bien jour d&apos;abord que mois d&apos;abord (aucun jour au-delà de 12 dans les lignes examinées) : elles ont été lues jour d&apos;abord (01/02/2024 = 1er février 2024). Si l&apos;export écrit le mois d&apos;abord, choisissez cet ordre des dates dans la fenêtre d&apos;import et importez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>Read as a call event log: {known} of its {names} event names are call events</source>
        <translation>Lu comme un journal d&apos;événements d&apos;appels : {known} de ses {names} noms d&apos;événements sont des événements d&apos;appel</translation>
    </message>
    <message>
        <source>Read as a ticket event log: {known} of its {names} event names are ticket events</source>
        <translation>Lu comme un journal d&apos;événements de tickets : {known} de ses {names} noms d&apos;événements sont des événements de ticket</translation>
    </message>
    <message>
        <source>{question} score (survey answers linked to these contacts)</source>
        <translation>Note {question} (réponses d&apos;enquête liées à ces contacts)</translation>
    </message>
    <message>
        <source>{0}: a date before {1} or after {2}</source>
        <translation>{0} : une date avant {1} ou après {2}</translation>
    </message>
    <message>
        <source>{0}: a duration over ten years</source>
        <translation>{0} : une durée de plus de dix ans</translation>
    </message>
    <message>
        <source>{0}: a negative duration</source>
        <translation>{0} : une durée négative</translation>
    </message>
    <message>
        <source>{0}: a number too large to be real (over {1})</source>
        <translation>{0} : un nombre trop grand pour être réel (plus de {1})</translation>
    </message>
    <message>
        <source>{0}: contains a NUL character</source>
        <translation>{0} : contient un caractère NUL</translation>
    </message>
    <message>
        <source>{0}: not a finite number (NaN or infinity)</source>
        <translation>{0} : pas un nombre fini (NaN ou infini)</translation>
    </message>
    <message>
        <source>event folded into its ticket (the ticket is rebuilt from its events)</source>
        <translation>événement regroupé dans son ticket (le ticket est reconstruit à partir de ses événements)</translation>
    </message>
    <message>
        <source>no case id</source>
        <translation>pas de numéro de dossier</translation>
    </message>
    <message>
        <source>unreadable timestamp</source>
        <translation>horodatage illisible</translation>
    </message>
    <message>
        <source>unreadable timestamp {0}</source>
        <translation>horodatage illisible {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{path} · {n} contacts from {first} to {last}</source>
        <translation>{path} · {n} contacts du {first} au {last}</translation>
    </message>
    <message>
        <source>kpidesk — customer-service KPIs</source>
        <translation>kpidesk — indicateurs du service client</translation>
    </message>
    <message>
        <source>Loading figures…</source>
        <translation>Chargement des chiffres…</translation>
    </message>
    <message>
        <source>Period: {first} – {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating derived facts…</source>
        <translation>Mise à jour des faits dérivés…</translation>
    </message>
    <message>
        <source>{path} · {n} records from {first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Mapping</name>
    <message>
        <source>Semicolon ;</source>
        <translation>Point-virgule ;</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Virgule ,</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>Pipe |</source>
        <translation>Barre verticale |</translation>
    </message>
    <message>
        <source>Contacts (calls, tickets, chats)</source>
        <translation>Contacts (appels, tickets, chats)</translation>
    </message>
    <message>
        <source>Agent presence</source>
        <translation>Présence des conseillers</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Enquêtes</translation>
    </message>
    <message>
        <source>Record ID</source>
        <translation>Identifiant de la ligne</translation>
    </message>
    <message>
        <source>Arrival time</source>
        <translation>Arrivée</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d&apos;attente</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Motif de contact</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <source>Wait time</source>
        <translation>Temps d&apos;attente</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Durée de communication</translation>
    </message>
    <message>
        <source>Hold time</source>
        <translation>Durée de mise en attente</translation>
    </message>
    <message>
        <source>Wrap-up time</source>
        <translation>Durée de post-appel</translation>
    </message>
    <message>
        <source>Solved at</source>
        <translation>Résolu le</translation>
    </message>
    <message>
        <source>First response at</source>
        <translation>Première réponse le</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Answered at</source>
        <translation>Répondu le</translation>
    </message>
    <message>
        <source>Contact reference</source>
        <translation>Référence du contact</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif de pause</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Map the columns of {file}</source>
        <translation>Correspondance des colonnes : {file}</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>Encodage</translation>
    </message>
    <message>
        <source>Separator</source>
        <translation>Séparateur</translation>
    </message>
    <message>
        <source>Header line</source>
        <translation>Ligne d&apos;en-tête</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Feuille</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Save as profile</source>
        <translation>Enregistrer comme profil</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>chosen</source>
        <translation>choix manuel</translation>
    </message>
    <message>
        <source>Choose a column for: {fields}</source>
        <translation>Choisissez une colonne pour : {fields}</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Rejected because</source>
        <translation>Motif du rejet</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles cannot be saved beside an in-memory database.</source>
        <translation>Impossible d&apos;enregistrer un profil à côté d&apos;une base en mémoire.</translation>
    </message>
    <message>
        <source>Saved as the profile {name}: files of this shape will import on sight.</source>
        <translation>Enregistré comme profil {name} : les fichiers de cette forme seront importés directement.</translation>
    </message>
    <message>
        <source>Statistics per interval</source>
        <translation>Statistiques par intervalle</translation>
    </message>
    <message>
        <source>Quality evaluations</source>
        <translation>Évaluations qualité</translation>
    </message>
    <message>
        <source>Messages (tickets, chats)</source>
        <translation>Messages (tickets, chats)</translation>
    </message>
    <message>
        <source>Agent schedules</source>
        <translation>Plannings des conseillers</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Conseillers</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Handed to an agent at</source>
        <translation>Transféré à un conseiller le</translation>
    </message>
    <message>
        <source>First response time</source>
        <translation>Délai de première réponse</translation>
    </message>
    <message>
        <source>Resolution time</source>
        <translation>Délai de résolution</translation>
    </message>
    <message>
        <source>Wait after handoff</source>
        <translation>Attente après transfert du bot</translation>
    </message>
    <message>
        <source>Bot response time</source>
        <translation>Délai de réponse du bot</translation>
    </message>
    <message>
        <source>Average reply time</source>
        <translation>Délai moyen de réponse</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Transféré</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Résolu</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Réouvert</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Surveyed</source>
        <translation>Enquête envoyée</translation>
    </message>
    <message>
        <source>Survey answered</source>
        <translation>Enquête répondue</translation>
    </message>
    <message>
        <source>Out of hours</source>
        <translation>Hors horaires</translation>
    </message>
    <message>
        <source>Survey type</source>
        <translation>Type d&apos;enquête</translation>
    </message>
    <message>
        <source>Scale minimum</source>
        <translation>Note minimale</translation>
    </message>
    <message>
        <source>Scale maximum</source>
        <translation>Note maximale</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Plus haut = mieux</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Composante</translation>
    </message>
    <message>
        <source>Interval start</source>
        <translation>Début de l&apos;intervalle</translation>
    </message>
    <message>
        <source>Interval length</source>
        <translation>Durée de l&apos;intervalle</translation>
    </message>
    <message>
        <source>Offered</source>
        <translation>Appels reçus</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Appels décrochés</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Appels abandonnés</translation>
    </message>
    <message>
        <source>Short abandons</source>
        <translation>Abandons courts</translation>
    </message>
    <message>
        <source>Overflowed</source>
        <translation>Débordés</translation>
    </message>
    <message>
        <source>Within service level</source>
        <translation>Dans le niveau de service</translation>
    </message>
    <message>
        <source>Service-level threshold</source>
        <translation>Seuil du niveau de service</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>Traités</translation>
    </message>
    <message>
        <source>Handle time</source>
        <translation>Durée de traitement</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Type d&apos;enregistrement</translation>
    </message>
    <message>
        <source>Wait before answer</source>
        <translation>Temps d&apos;attente avant décroché</translation>
    </message>
    <message>
        <source>Wait before abandon</source>
        <translation>Temps d&apos;attente avant abandon</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Temps d&apos;attente maximal</translation>
    </message>
    <message>
        <source>Logged-in time</source>
        <translation>Temps de connexion</translation>
    </message>
    <message>
        <source>Pause time</source>
        <translation>Temps de pause</translation>
    </message>
    <message>
        <source>Evaluated at</source>
        <translation>Évalué le</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Critère</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>Évaluateur</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Sent at</source>
        <translation>Envoyé le</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Équipe</translation>
    </message>
    <message>
        <source>Outsourced</source>
        <translation>Externalisé</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Client depuis</translation>
    </message>
    <message>
        <source>Customer until</source>
        <translation>Client jusqu&apos;au</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Achats</translation>
    </message>
    <message>
        <source>(e.g. {value})</source>
        <translation>(p. ex. {value})</translation>
    </message>
    <message>
        <source>Agent sessions and pauses</source>
        <translation>Sessions et pauses des conseillers</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Devient</translation>
    </message>
    <message>
        <source>Call log (one row per call)</source>
        <translation>Journal d&apos;appels (une ligne par appel)</translation>
    </message>
    <message>
        <source>Chats (one row per conversation)</source>
        <translation>Chats (une ligne par conversation)</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Vérification des lignes…</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Colonnes du fichier</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Day first: 31/12/2024, 31.12.2024</source>
        <translation>Jour d&apos;abord : 31/12/2024, 31.12.2024</translation>
    </message>
    <message>
        <source>Durations without a unit</source>
        <translation>Durées sans unité</translation>
    </message>
    <message>
        <source>Found from the values</source>
        <translation>Déduites des valeurs</translation>
    </message>
    <message>
        <source>Import is not possible: none of the {n} rows would load ({reason}). Change the columns, formats or values first.</source>
        <translation>Import impossible : aucune des {n} lignes ne serait importée ({reason}). Changez d&apos;abord les colonnes, les formats ou les valeurs.</translation>
    </message>
    <message>
        <source>Interval report (counts per period)</source>
        <translation>Rapport par intervalle (comptes par période)</translation>
    </message>
    <message>
        <source>Kind of file</source>
        <translation>Type de fichier</translation>
    </message>
    <message>
        <source>Month first: 12/31/2024</source>
        <translation>Mois d&apos;abord : 12/31/2024</translation>
    </message>
    <message>
        <source>No import profile recognises {file}. Say what kind of file it is, check the field proposed for each column (fields marked * are required), the formats and the values, then import it.</source>
        <translation>Aucun profil d&apos;import ne reconnaît {file}. Indiquez le type de fichier, vérifiez le champ proposé pour chaque colonne (les champs marqués * sont obligatoires), les formats et les valeurs, puis importez-le.</translation>
    </message>
    <message>
        <source>No row can load until the formats are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No row can load until every required field has a column.</source>
        <translation>Aucune ligne ne peut être importée tant qu&apos;un champ obligatoire n&apos;a pas de colonne.</translation>
    </message>
    <message>
        <source>Only a mapping under which rows load can be saved.</source>
        <translation>Seule une correspondance qui importe des lignes peut être enregistrée.</translation>
    </message>
    <message>
        <source>Preview: what the import would do, and the first rows as they will load</source>
        <translation>Aperçu : ce que ferait l&apos;import, et les premières lignes telles qu&apos;elles seront importées</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Lue comme</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>Prêt à importer.</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Lignes</translation>
    </message>
    <message>
        <source>Survey answers</source>
        <translation>Réponses d&apos;enquête</translation>
    </message>
    <message>
        <source>The file and its formats</source>
        <translation>Le fichier et ses formats</translation>
    </message>
    <message>
        <source>Tickets (one row per ticket)</source>
        <translation>Tickets (une ligne par ticket)</translation>
    </message>
    <message>
        <source>Value in the file</source>
        <translation>Valeur dans le fichier</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Values of the coded columns (outcome, status, channel…): what each becomes</source>
        <translation>Valeurs des colonnes codées (résultat, statut, canal…) : ce que devient chacune</translation>
    </message>
    <message>
        <source>Year first: 2024-12-31, 20241231, 241231</source>
        <translation>Année d&apos;abord : 2024-12-31, 20241231, 241231</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>heures</translation>
    </message>
    <message>
        <source>left empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept as written</source>
        <translation>gardée telle quelle</translation>
    </message>
    <message>
        <source>milliseconds</source>
        <translation>millisecondes</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>not used</source>
        <translation>non utilisée</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>secondes</translation>
    </message>
    <message>
        <source>Call event log (one row per event)</source>
        <translation>Journal d&apos;événements d&apos;appels (une ligne par événement)</translation>
    </message>
    <message>
        <source>Chatbot conversations (one row per conversation)</source>
        <translation>Conversations de chatbot (une ligne par conversation)</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Appelant</translation>
    </message>
    <message>
        <source>Call id</source>
        <translation>Identifiant d&apos;appel</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>entered the queue</source>
        <translation>entrée en file</translation>
    </message>
    <message>
        <source>ringing an agent</source>
        <translation>sonnerie chez un conseiller</translation>
    </message>
    <message>
        <source>answered by an agent</source>
        <translation>décroché par un conseiller</translation>
    </message>
    <message>
        <source>put on hold</source>
        <translation>mis en attente</translation>
    </message>
    <message>
        <source>taken off hold</source>
        <translation>reprise après attente</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>transféré</translation>
    </message>
    <message>
        <source>abandoned by the caller</source>
        <translation>abandonné par l&apos;appelant</translation>
    </message>
    <message>
        <source>call ended (hang-up)</source>
        <translation>fin d&apos;appel (raccroché)</translation>
    </message>
    <message>
        <source>end of wrap-up</source>
        <translation>fin du post-appel</translation>
    </message>
    <message>
        <source>Found from the numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSAT score (survey answer)</source>
        <translation>Note CSAT (réponse d&apos;enquête)</translation>
    </message>
    <message>
        <source>NPS score, 0-10 (survey answer)</source>
        <translation>Note NPS, 0-10 (réponse d&apos;enquête)</translation>
    </message>
    <message>
        <source>CES score (survey answer)</source>
        <translation>Note CES (réponse d&apos;enquête)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Decimal mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: time of day only</source>
        <translation>{field} : heure seule</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{loading} of the first {total} rows would load</source>
        <translation>{loading} des {total} premières lignes seraient importées</translation>
    </message>
    <message>
        <source>{loading} of {total} rows would load</source>
        <translation>{loading} lignes sur {total} seraient importées</translation>
    </message>
    <message>
        <source>{n} rejected</source>
        <translation>{n} rejetées</translation>
    </message>
    <message>
        <source>{n} repeat another row (same key: {key})</source>
        <translation>{n} répètent une autre ligne (même clé : {key})</translation>
    </message>
    <message>
        <source>• {reason}: {n} rows</source>
        <translation>• {reason} : {n} lignes</translation>
    </message>
    <message>
        <source>Survey answers about these contacts: one question per score column, on its scale</source>
        <translation>Réponses d&apos;enquête sur ces contacts : une question par colonne de note, sur son échelle</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <source>Would load</source>
        <translation>Seraient chargées</translation>
    </message>
    <message>
        <source>{n} answers</source>
        <translation>{n} réponses</translation>
    </message>
    <message>
        <source>{n} rejected ({reason})</source>
        <translation>{n} rejetées ({reason})</translation>
    </message>
    <message>
        <source>{n} repeat another row</source>
        <translation>{n} répètent une autre ligne</translation>
    </message>
    <message>
        <source>{n} outside the scale</source>
        <translation>{n} hors de l&apos;échelle</translation>
    </message>
    <message>
        <source>; </source>
        <translation> ; </translation>
    </message>
    <message>
        <source>Import is not possible: {n} {question} answers in column {column} are outside the scale {scale}. Choose its scale, or another column.</source>
        <translation>Import impossible : {n} réponses {question} de la colonne {column} sont hors de l&apos;échelle {scale}. Choisissez son échelle, ou une autre colonne.</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activité</translation>
    </message>
    <message>
        <source>Case (ticket id)</source>
        <translation>Dossier (numéro de ticket)</translation>
    </message>
    <message>
        <source>Resource (agent)</source>
        <translation>Ressource (conseiller)</translation>
    </message>
    <message>
        <source>Ticket event log (one row per event)</source>
        <translation>Journal d&apos;événements de tickets (une ligne par événement)</translation>
    </message>
    <message>
        <source>Time of the event</source>
        <translation>Heure de l&apos;événement</translation>
    </message>
    <message>
        <source>agent response</source>
        <translation>réponse d&apos;un conseiller</translation>
    </message>
    <message>
        <source>another event</source>
        <translation>autre événement</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>rouvert</translation>
    </message>
    <message>
        <source>solved or closed</source>
        <translation>résolu ou clos</translation>
    </message>
    <message>
        <source>ticket created</source>
        <translation>ticket créé</translation>
    </message>
    <message>
        <source>{n} ignored</source>
        <translation>{n} ignorées</translation>
    </message>
</context>
<context>
    <name>MappingValues</name>
    <message>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <source>email</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <source>bot</source>
        <translation>bot</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>entrant</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>sortant</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>décroché</translation>
    </message>
    <message>
        <source>abandoned</source>
        <translation>abandonné</translation>
    </message>
    <message>
        <source>flowout</source>
        <translation>débordé</translation>
    </message>
    <message>
        <source>handled</source>
        <translation>traité</translation>
    </message>
    <message>
        <source>contained</source>
        <translation>traité par le bot</translation>
    </message>
    <message>
        <source>handoff</source>
        <translation>transféré à un conseiller</translation>
    </message>
    <message>
        <source>logged_in</source>
        <translation>connecté</translation>
    </message>
    <message>
        <source>pause</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>social media</source>
        <translation>réseaux sociaux</translation>
    </message>
    <message>
        <source>missed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>Import with mapping…</source>
        <translation>Importer avec correspondance…</translation>
    </message>
    <message>
        <source>Import history…</source>
        <translation>Historique des imports…</translation>
    </message>
    <message>
        <source>Import with mapping</source>
        <translation>Importer avec correspondance</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>Recent databases</source>
        <translation>Bases récentes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>New database…</source>
        <translation>Nouvelle base…</translation>
    </message>
    <message>
        <source>Open database…</source>
        <translation>Ouvrir une base…</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <source>Export table (CSV, XLSX)…</source>
        <translation>Exporter le tableau (CSV, XLSX)…</translation>
    </message>
    <message>
        <source>Export chart (PNG)…</source>
        <translation>Exporter le graphique (PNG)…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Privacy mode (screen sharing)</source>
        <translation>Mode confidentialité (partage d&apos;écran)</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Building the demo data…</source>
        <translation>Création des données de démonstration…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Ouvrir une base</translation>
    </message>
    <message>
        <source>kpidesk databases (*.duckdb *.db);;All files (*)</source>
        <translation>Bases kpidesk (*.duckdb *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>Nouvelle base</translation>
    </message>
    <message>
        <source>kpidesk databases (*.duckdb)</source>
        <translation>Bases kpidesk (*.duckdb)</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Importer des fichiers</translation>
    </message>
    <message>
        <source>Exports (*.csv *.txt *.xlsx *.xls *.json *.parquet *.log);;All files (*)</source>
        <translation>Exports (*.csv *.txt *.xlsx *.xls *.json *.parquet *.log);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>This tab has no table to export.</source>
        <translation>Cet onglet n&apos;a pas de tableau à exporter.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>Exporter le tableau</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>Exporter le graphique</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Channel mix</source>
        <translation>Répartition par canal</translation>
    </message>
    <message>
        <source>No contacts in this period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Params</name>
    <message>
        <source>Service-level threshold (s)</source>
        <translation>Seuil du niveau de service (s)</translation>
    </message>
    <message>
        <source>Abandons within the threshold</source>
        <translation>Abandons sous le seuil</translation>
    </message>
    <message>
        <source>Short-abandon limit (s)</source>
        <translation>Limite des abandons courts (s)</translation>
    </message>
    <message>
        <source>Repeat window (days)</source>
        <translation>Fenêtre de réitération (jours)</translation>
    </message>
    <message>
        <source>Email response SLA (hours)</source>
        <translation>Délai de réponse e-mail (heures)</translation>
    </message>
    <message>
        <source>Small sample below (contacts)</source>
        <translation>Petit échantillon sous (contacts)</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Heures d&apos;ouverture</translation>
    </message>
    <message>
        <source>count against the level</source>
        <translation>comptent contre le niveau</translation>
    </message>
    <message>
        <source>are left out</source>
        <translation>sont exclus</translation>
    </message>
    <message>
        <source>count as met</source>
        <translation>comptent comme réussis</translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Hier</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>Semaine dernière</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Mois dernier</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 derniers jours</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Période personnalisée</translation>
    </message>
    <message>
        <source>Latest day of data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>Même période l&apos;an dernier</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Aucune comparaison</translation>
    </message>
    <message>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>counted per period: the data gives averages, not each contact&apos;s duration</source>
        <translation>compté par période : les données donnent des moyennes, pas la durée de chaque contact</translation>
    </message>
    <message>
        <source>a queue-level figure: this export gives that field only to contacts an agent handled</source>
        <translation>indicateur de file : cet export ne renseigne ce champ que pour les contacts traités par un conseiller</translation>
    </message>
    <message>
        <source>not available at this grain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Seuils</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Heures d&apos;ouverture</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tous canaux</translation>
    </message>
    <message>
        <source>closed (e.g. 09:00-12:30, 13:30-18:00)</source>
        <translation>fermé (ex. 09:00-12:30, 13:30-18:00)</translation>
    </message>
    <message>
        <source>Add this year&apos;s French public holidays</source>
        <translation>Ajouter les jours fériés français de l&apos;année</translation>
    </message>
    <message>
        <source>Holidays (one per line: YYYY-MM-DD name)</source>
        <translation>Jours fériés (un par ligne : AAAA-MM-JJ nom)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Suivre le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>{day}: {span} is not a time range such as 09:00-12:30.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tabs</name>
    <message>
        <source>Overview</source>
        <translation>Vue d&apos;ensemble</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email / Tickets</source>
        <translation>E-mail / Tickets</translation>
    </message>
    <message>
        <source>Chat / Bot</source>
        <translation>Chat / Bot</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Conseillers</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>on target</source>
        <translation>objectif atteint</translation>
    </message>
    <message>
        <source>watch</source>
        <translation>à surveiller</translation>
    </message>
    <message>
        <source>off target</source>
        <translation>hors objectif</translation>
    </message>
    <message>
        <source>no comparison</source>
        <translation>pas de comparaison</translation>
    </message>
    <message>
        <source>vs compare period</source>
        <translation>vs période de comparaison</translation>
    </message>
    <message>
        <source>Why? What changed against the compare period</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tooltip</name>
    <message>
        <source>Target</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>alerte</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <source>Welcome to kpidesk</source>
        <translation>Bienvenue dans kpidesk</translation>
    </message>
    <message>
        <source>No database is open: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database holds no contacts yet. Explore the demo data, import your exports (calls, tickets, chats, surveys), or open a database you already have.</source>
        <translation>Cette base ne contient encore aucun contact. Explorez les données de démonstration, importez vos exports (appels, tickets, chats, enquêtes) ou ouvrez une base existante.</translation>
    </message>
    <message>
        <source>Open the demo data</source>
        <translation>Ouvrir les données de démonstration</translation>
    </message>
    <message>
        <source>Import files…</source>
        <translation>Importer des fichiers…</translation>
    </message>
    <message>
        <source>Open a database…</source>
        <translation>Ouvrir une base…</translation>
    </message>
</context>
</TS>
