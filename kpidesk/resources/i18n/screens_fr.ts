<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Charts</name>
    <message>
        <source>Compare period</source>
        <translation>Période de comparaison</translation>
    </message>
    <message>
        <source>Target {value}</source>
        <translation>Objectif {value}</translation>
    </message>
    <message>
        <source>Small sample</source>
        <translation>Petit échantillon</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>Team median</source>
        <translation>Médiane de l'équipe</translation>
    </message>
    <message>
        <source>week of {day}</source>
        <translation>semaine du {day}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Period: {first} – {last}</source>
        <translation>Période : {first} – {last}</translation>
    </message>
    <message>
        <source>compared with {first} – {last}</source>
        <translation>comparée au {first} – {last}</translation>
    </message>
    <message>
        <source>{name}: {values}</source>
        <translation>{name} : {values}</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>No contacts in this period</source>
        <translation>Aucun contact sur cette période</translation>
    </message>
</context>
<context>
    <name>AgentsView</name>
    <message>
        <source>{kpi}: no agent with enough data in this period</source>
        <translation>{kpi} : aucun conseiller avec assez de données sur cette période</translation>
    </message>
    <message>
        <source>{x} and {y}: no agent with both figures in this period</source>
        <translation>{x} et {y} : aucun conseiller n'a les deux valeurs sur cette période</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Every figure counts only this weekday and hour across the period. Click to remove.</source>
        <translation>Chaque indicateur ne compte que ce jour de la semaine et cette heure, sur toute la période. Cliquez pour retirer ce filtre.</translation>
    </message>
</context>
<context>
    <name>ChannelView</name>
    <message>
        <source>no agent with contacts in this period</source>
        <translation>aucun conseiller avec des contacts sur cette période</translation>
    </message>
    <message>
        <source>Trend by 15 minutes</source>
        <translation>Évolution par quart d'heure</translation>
    </message>
    <message>
        <source>Trend by hour</source>
        <translation>Évolution par heure</translation>
    </message>
    <message>
        <source>Trend by day</source>
        <translation>Évolution par jour</translation>
    </message>
    <message>
        <source>Trend by week</source>
        <translation>Évolution par semaine</translation>
    </message>
    <message>
        <source>Trend by month</source>
        <translation>Évolution par mois</translation>
    </message>
</context>
<context>
    <name>CoachingContacts</name>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
</context>
</TS>
