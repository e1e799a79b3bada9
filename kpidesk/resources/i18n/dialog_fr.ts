<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Mapping</name>
    <message>
        <source>Found from the numbers</source>
        <translation>Déduit des nombres</translation>
    </message>
    <message>
        <source>Comma: 4,5</source>
        <translation>Virgule : 4,5</translation>
    </message>
    <message>
        <source>Point: 4.5</source>
        <translation>Point : 4.5</translation>
    </message>
    <message>
        <source>Decimal mark</source>
        <translation>Séparateur décimal</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>Format des dates</translation>
    </message>
    <message>
        <source>Times written in</source>
        <translation>Heures écrites en</translation>
    </message>
    <message>
        <source>Period of the file</source>
        <translation>Période du fichier</translation>
    </message>
    <message>
        <source>the app's time zone ({zone})</source>
        <translation>le fuseau de l'application ({zone})</translation>
    </message>
    <message>
        <source>found from the values</source>
        <translation>déduit des valeurs</translation>
    </message>
    <message>
        <source>A date format, when the values alone do not tell: DD day, MM month, YYYY year (YY: two digits), hh hours (0-23), mm minutes, ss seconds; every other character as written. E.g. DD.MM.YYYY hh:mm for 31.12.2024 18:30. A strptime format (%d.%m.%Y %H:%M) is accepted too.</source>
        <translation>Un format de date, quand les valeurs seules ne le disent pas : JJ jour, MM mois, AAAA année (AA : deux chiffres), hh heures (0-23), mm minutes, ss secondes ; tout autre caractère tel qu'il est écrit. Par exemple JJ.MM.AAAA hh:mm pour 31.12.2024 18:30. Un format strptime (%d.%m.%Y %H:%M) est accepté aussi.</translation>
    </message>
    <message>
        <source>The time zone the file's times are written in: they are converted to the app's time zone ({zone}), as every import is. Times that carry their own offset (Z, +02:00) are always converted.</source>
        <translation>Le fuseau horaire dans lequel les heures du fichier sont écrites : elles sont converties dans le fuseau de l'application ({zone}), comme à chaque import. Les heures qui portent leur décalage (Z, +02:00) sont toujours converties.</translation>
    </message>
    <message>
        <source>not a whole date: give the day, the month and the year (e.g. DD/MM/YYYY hh:mm)</source>
        <translation>pas une date entière : donnez le jour, le mois et l'année (ex. JJ/MM/AAAA hh:mm)</translation>
    </message>
    <message>
        <source>{zone} is not a time zone (e.g. Europe/Paris, America/New_York, UTC)</source>
        <translation>{zone} n'est pas un fuseau horaire (ex. Europe/Paris, America/New_York, UTC)</translation>
    </message>
    <message>
        <source>read as {format}</source>
        <translation>lu comme {format}</translation>
    </message>
    <message>
        <source>DD day, MM month, YYYY year, hh:mm:ss time</source>
        <translation>JJ jour, MM mois, AAAA année, hh:mm:ss heure</translation>
    </message>
    <message>
        <source>No column says which day these counts are for: say which period the file covers.</source>
        <translation>Aucune colonne ne dit à quel jour se rapportent ces comptes : indiquez la période que couvre le fichier.</translation>
    </message>
    <message>
        <source>Every row is placed in {period} ({n} days), without an hour of day; not saved in the profile.</source>
        <translation>Chaque ligne est placée sur {period} ({n} jours), sans heure ; la période n'est pas enregistrée dans le profil.</translation>
    </message>
    <message>
        <source>No row can load until the formats are right.</source>
        <translation>Aucune ligne ne peut être importée tant que les formats ne sont pas corrects.</translation>
    </message>
    <message>
        <source>Say which period this file covers (it has no date column), or choose its date column.</source>
        <translation>Indiquez la période que couvre ce fichier (il n'a pas de colonne de date), ou choisissez sa colonne de date.</translation>
    </message>
    <message>
        <source>No row can load until the period is given.</source>
        <translation>Aucune ligne ne peut être importée tant que la période n'est pas donnée.</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>left empty</source>
        <translation>laissée vide</translation>
    </message>
    <message>
        <source>not read (row rejected)</source>
        <translation>non lue (ligne rejetée)</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} jours</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <source>not given yet</source>
        <translation>pas encore donnée</translation>
    </message>
    <message>
        <source>one day</source>
        <translation>un jour</translation>
    </message>
    <message>
        <source>from … to</source>
        <translation>du … au</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La période finit avant de commencer.</translation>
    </message>
    <message>
        <source>A period of more than a year: give the period one file covers.</source>
        <translation>Une période de plus d'un an : donnez la période que couvre un seul fichier.</translation>
    </message>
    <message>
        <source>Which period does {file} cover?</source>
        <translation>Quelle période couvre {file} ?</translation>
    </message>
    <message>
        <source>{file} holds counts per agent or queue, but no column says which day or period they cover. Which period does it cover?</source>
        <translation>{file} contient des comptes par conseiller ou par file, mais aucune colonne ne dit à quel jour ou à quelle période ils se rapportent. Quelle période couvre-t-il ?</translation>
    </message>
    <message>
        <source>The dates of the last file's period are filled in ({period}): choose “one day” or “from … to” to use them.</source>
        <translation>Les dates de la période du dernier fichier sont déjà remplies ({period}) : choisissez « un jour » ou « du … au » pour les reprendre.</translation>
    </message>
    <message>
        <source>Each row becomes one interval the length of that period (no hour of day). The period is not saved in any profile: it is asked again for the next file.</source>
        <translation>Chaque ligne devient un intervalle de la longueur de cette période (sans heure). La période n'est enregistrée dans aucun profil : elle est redemandée pour le fichier suivant.</translation>
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
        <source>Map the columns…</source>
        <translation>Faire correspondre les colonnes…</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <source>date and time (format {0})</source>
        <translation>date et heure (format {0})</translation>
    </message>
    <message>
        <source>date + time of day (format {0})</source>
        <translation>date + heure (format {0})</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{file} is a report of counts per agent or queue (interval_stats: {columns}), but no column found for interval_start (the period each row covers (a date or interval column)).
Which period does it cover? Pass --period 2024-03-01 (a day), --period 2024-03 (a month) or --period 2024-03-01..2024-03-31, or write the period in the file name, or set it in the import dialog.</source>
        <translation>{file} est un rapport de comptes par conseiller ou par file (interval_stats : {columns}), mais aucune colonne ne donne interval_start (la période que couvre chaque ligne).
Quelle période couvre-t-il ? Passez --period 2024-03-01 (un jour), --period 2024-03 (un mois) ou --period 2024-03-01..2024-03-31, écrivez la période dans le nom du fichier, ou donnez-la dans la fenêtre d'import.</translation>
    </message>
</context>
</TS>
