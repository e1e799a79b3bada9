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
