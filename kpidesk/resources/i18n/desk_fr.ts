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
        <source>not available at this grain</source>
        <translation>non disponible à ce niveau de détail</translation>
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
