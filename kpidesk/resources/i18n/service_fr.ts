<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Comments</name>
    <message>
        <source>Agent</source>
        <translation>Conseiller</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>Tous les conseillers</translation>
    </message>
    <message>
        <source>Comments on the figures</source>
        <translation>Commentaires sur les chiffres</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
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
        <source>all queues</source>
        <translation>toutes les files</translation>
    </message>
    <message>
        <source>all sites</source>
        <translation>tous les sites</translation>
    </message>
    <message>
        <source>What happened: the why of the figure</source>
        <translation>Ce qui s’est passé : le pourquoi du chiffre</translation>
    </message>
    <message>
        <source>What is done about it (optional)</source>
        <translation>Ce qui est fait (facultatif)</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Périmètre</translation>
    </message>
    <message>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>whole service</source>
        <translation>tout le service</translation>
    </message>
    <message>
        <source>{n} comment</source>
        <translation>{n} commentaire</translation>
    </message>
    <message>
        <source>{n} comments</source>
        <translation>{n} commentaires</translation>
    </message>
    <message>
        <source>Could not save: {reason}</source>
        <translation>Enregistrement impossible : {reason}</translation>
    </message>
    <message>
        <source>A comment needs some text.</source>
        <translation>Un commentaire doit contenir du texte.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>La période se termine avant de commencer.</translation>
    </message>
</context>
<context>
    <name>Why</name>
    <message>
        <source>The filters cannot narrow to this driver.</source>
        <translation>Les filtres ne peuvent pas se restreindre à ce facteur.</translation>
    </message>
    <message>
        <source>Why? — {kpi}</source>
        <translation>Pourquoi ? — {kpi}</translation>
    </message>
    <message>
        <source>Splitting the change…</source>
        <translation>Décomposition de l’évolution…</translation>
    </message>
    <message>
        <source>Nothing to explain: {reason}</source>
        <translation>Rien à expliquer : {reason}</translation>
    </message>
    <message>
        <source>{kpi}: {before} ({cmp}) → {after} ({now}), {change}.</source>
        <translation>{kpi} : {before} ({cmp}) → {after} ({now}), {change}.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Facteur</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Part</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>Effet mix</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Effet taux</translation>
    </message>
    <message>
        <source>Before → now</source>
        <translation>Avant → maintenant</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Each driver's part of the change; for a rate, mix (volume moved towards groups with a worse or better rate) plus rate (the group's own rate moved). Each dimension adds up to the total. Small samples are listed last. Double-click a driver to narrow the filters to it.</source>
        <translation>La part de chaque facteur dans l’évolution ; pour un taux, effet mix (le volume s’est déplacé vers des groupes au taux moins bon ou meilleur) plus effet taux (le taux du groupe lui-même a bougé). Chaque dimension s’additionne au total. Les petits échantillons sont listés en dernier. Double-cliquez sur un facteur pour filtrer dessus.</translation>
    </message>
</context>
<context>
    <name>ServiceMenu</name>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Rapport</translation>
    </message>
    <message>
        <source>Service report (PDF, XLSX)…</source>
        <translation>Rapport de service (PDF, XLSX)…</translation>
    </message>
    <message>
        <source>Comments on the figures…</source>
        <translation>Commentaires sur les chiffres…</translation>
    </message>
    <message>
        <source>Report not written: {reason}</source>
        <translation>Rapport non écrit : {reason}</translation>
    </message>
    <message>
        <source>Service report</source>
        <translation>Rapport de service</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF (*.pdf);;Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the service report…</source>
        <translation>Écriture du rapport de service…</translation>
    </message>
    <message>
        <source>Service report written: {path}</source>
        <translation>Rapport de service écrit : {path}</translation>
    </message>
    <message>
        <source>the period holds no data</source>
        <translation>la période ne contient aucune donnée</translation>
    </message>
</context>
<context>
    <name>ChannelView</name>
    <message>
        <source>Why?</source>
        <translation>Pourquoi ?</translation>
    </message>
    <message>
        <source>What changed against the compare period, and why</source>
        <translation>Ce qui a changé par rapport à la période de comparaison, et pourquoi</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <source>Why? What changed against the compare period</source>
        <translation>Pourquoi ? Ce qui a changé par rapport à la période de comparaison</translation>
    </message>
    <message>
        <source>Comment on this figure…</source>
        <translation>Commenter ce chiffre…</translation>
    </message>
</context>
</TS>
