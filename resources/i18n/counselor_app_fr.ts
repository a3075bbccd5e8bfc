<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="83"/>
        <source>About {name}</source>
        <translation>À propos de {name}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="103"/>
        <source>&amp;Version information:</source>
        <translation>&amp;Informations de version&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="111"/>
        <source>Component</source>
        <translation>Composant</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="111"/>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="111"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="113"/>
        <source>Column titles</source>
        <translation>Titres des colonnes</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="128"/>
        <source>Co&amp;mponents:</source>
        <translation>Co&amp;mposants&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="132"/>
        <source>&amp;Licence:</source>
        <translation>&amp;Licence&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="137"/>
        <source>Co&amp;py version information</source>
        <translation>Co&amp;pier les informations de version</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="139"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="200"/>
        <source>unknown</source>
        <translation>inconnue</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="211"/>
        <source>Public domain</source>
        <translation>Domaine public</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="215"/>
        <source>{name} {version}</source>
        <translation>{name} {version}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="226"/>
        <source>Vault format: {vault} (this program knows formats up to {known})</source>
        <translation>Format du coffre-fort&#xa0;: {vault} (ce programme connaît les formats jusqu’au {known})</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="229"/>
        <source>Qt: {version}</source>
        <translation>Qt&#xa0;: {version}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="230"/>
        <source>PySide6: {version}, shiboken6: {shiboken}</source>
        <translation>PySide6&#xa0;: {version}, shiboken6&#xa0;: {shiboken}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="234"/>
        <source>Python: {version}</source>
        <translation>Python&#xa0;: {version}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="235"/>
        <source>SQLCipher: {version}, SQLite: {sqlite}</source>
        <translation>SQLCipher&#xa0;: {version}, SQLite&#xa0;: {sqlite}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="239"/>
        <source>OpenSSL: {version}</source>
        <translation>OpenSSL&#xa0;: {version}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="240"/>
        <source>System: {system}</source>
        <translation>Système&#xa0;: {system}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="241"/>
        <source>Workstation: {id}</source>
        <translation>Poste de travail&#xa0;: {id}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="245"/>
        <source>Consolidation vault; organisation key {key}</source>
        <translation>Coffre-fort de consolidation&#xa0;; clé de l’organisation {key}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="254"/>
        <source>{name} is free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later), and comes WITHOUT ANY WARRANTY. Its licence and those of the components it includes are listed beside.</source>
        <translation>{name} est un logiciel libre sous licence publique générale GNU, version 3 ou ultérieure (GPL-3.0-or-later), fourni SANS AUCUNE GARANTIE. Sa licence et celles des composants qu’il contient sont indiquées à côté.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="263"/>
        <source>{name} is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version. It is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General Public License for more details.</source>
        <translation>{name} est un logiciel libre&#xa0;: vous pouvez le redistribuer et/ou le modifier selon les termes de la licence publique générale GNU (GPL) publiée par la Free Software Foundation, soit la version 3 de la licence, soit (à votre choix) toute version ultérieure. Il est distribué dans l’espoir qu’il sera utile, mais SANS AUCUNE GARANTIE&#xa0;; sans même la garantie implicite de QUALITÉ MARCHANDE ou d’ADÉQUATION À UN USAGE PARTICULIER. Voir la licence publique générale GNU pour plus de détails.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="274"/>
        <source>Qt and Qt for Python (PySide6, shiboken6) are used under the GNU Lesser General Public License, version 3, as separate libraries: you may replace them with your own build of a compatible version, modified or not. Their source code is available at {url} and from The Qt Company.</source>
        <translation>Qt et Qt for Python (PySide6, shiboken6) sont utilisés sous la licence publique générale limitée GNU (LGPL), version 3, en bibliothèques séparées&#xa0;: vous pouvez les remplacer par votre propre compilation d’une version compatible, modifiée ou non. Leur code source est disponible à l’adresse {url} et auprès de The Qt Company.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="290"/>
        <source>Version: {version}</source>
        <translation>Version&#xa0;: {version}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="291"/>
        <source>Licence: {licence}</source>
        <translation>Licence&#xa0;: {licence}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="294"/>
        <source>Copyright: {holder}</source>
        <translation>Droits d’auteur&#xa0;: {holder}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="297"/>
        <source>Built into: {components}</source>
        <translation>Intégré à&#xa0;: {components}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="300"/>
        <source>Homepage: {url}</source>
        <translation>Site&#xa0;: {url}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="309"/>
        <source>The full text of this licence is not included in this copy of the program. It can be read at {url}</source>
        <translation>Le texte complet de cette licence n’est pas inclus dans cette copie du programme. Il peut être lu à l’adresse {url}</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="335"/>
        <source>The version information was copied to the clipboard.</source>
        <translation>Les informations de version ont été copiées dans le presse-papiers.</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../ui/action_dialog.py" line="157"/>
        <source>The two passwords are not the same.</source>
        <translation>Les deux mots de passe ne sont pas identiques.</translation>
    </message>
    <message>
        <location filename="../../ui/action_dialog.py" line="163"/>
        <source>At least {minimum} characters.</source>
        <translation>Au moins {minimum} caractères.</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/user_form.py" line="53"/>
        <source>Add a user</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="58"/>
        <source>User &amp;name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="59"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="61"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="62"/>
        <source>Con&amp;firm password:</source>
        <translation>&amp;Confirmer le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="64"/>
        <source>&amp;Add</source>
        <translation>A&amp;jouter</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="64"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="75"/>
        <source>The account “{name}” was added with the role {role}.</source>
        <translation>Le compte «&#xa0;{name}&#xa0;» a été ajouté avec le rôle {role}.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../ui/app.py" line="39"/>
        <source>Counselor app</source>
        <translation>Application d’écoute</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="40"/>
        <source>This vault is already open in another window of the program on this computer.

Use that window, or close it before starting the program again.</source>
        <translation>Ce coffre-fort est déjà ouvert dans une autre fenêtre du programme sur cet ordinateur.

Utilisez cette fenêtre, ou fermez-la avant de relancer le programme.</translation>
    </message>
</context>
<context>
    <name>AuditAction</name>
    <message>
        <location filename="../../ui/audit/actions.py" line="24"/>
        <source>Audit &amp;trail…</source>
        <translation>&amp;Journal d’audit…</translation>
    </message>
    <message>
        <location filename="../../ui/audit/actions.py" line="27"/>
        <source>View, filter and export the audit trail</source>
        <translation>Consulter, filtrer et exporter le journal d’audit</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../ui/audit/dialog.py" line="69"/>
        <source>Audit trail</source>
        <translation>Journal d’audit</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="98"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xporter…</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="99"/>
        <source>Write the entries found to a CSV file</source>
        <translation>Écrire les entrées trouvées dans un fichier CSV</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="101"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="126"/>
        <source>Audit trail entries</source>
        <translation>Entrées du journal d’audit</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="127"/>
        <source>Newest first; read-only.</source>
        <translation>Les plus récentes d’abord&#xa0;; lecture seule.</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="163"/>
        <source>Entries found: {count}</source>
        <translation>Entrées trouvées&#xa0;: {count}</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="173"/>
        <source>Checking the chain of entries…</source>
        <translation>Vérification de la chaîne des entrées…</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="189"/>
        <source>Chain of entries: altered</source>
        <translation>Chaîne des entrées&#xa0;: modifiée</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="192"/>
        <source>The audit trail has been altered from entry {number} on: that entry or a later one was changed, removed or added outside the program. Keep the vault as it is and compare it with a backup.</source>
        <translation>Le journal d’audit a été modifié à partir de l’entrée {number}&#xa0;: cette entrée ou une suivante a été changée, supprimée ou ajoutée hors du programme. Conservez le coffre-fort tel quel et comparez-le avec une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="198"/>
        <source>Chain of entries: intact</source>
        <translation>Chaîne des entrées&#xa0;: intacte</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="203"/>
        <source>Chain of entries: not checked</source>
        <translation>Chaîne des entrées&#xa0;: non vérifiée</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="206"/>
        <source>The chain of entries could not be checked: {reason}</source>
        <translation>La chaîne des entrées n’a pas pu être vérifiée&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="226"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="227"/>
        <source>Export the audit trail</source>
        <translation>Exporter le journal d’audit</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="238"/>
        <source>No file was written.</source>
        <translation>Aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../ui/audit/dialog.py" line="242"/>
        <source>{count} entries were written to {path}.</source>
        <translation>{count} entrées ont été écrites dans {path}.</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <location filename="../../ui/audit/filters.py" line="41"/>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="42"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="43"/>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="44"/>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="45"/>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="51"/>
        <source>All users</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="55"/>
        <source>{name} (removed)</source>
        <translation>{name} (compte supprimé)</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="60"/>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="61"/>
        <source>Fro&amp;m:</source>
        <translation>&amp;Du&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="62"/>
        <source>&amp;To:</source>
        <translation>A&amp;u&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="63"/>
        <source>&amp;User:</source>
        <translation>&amp;Compte&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="64"/>
        <source>&amp;Action:</source>
        <translation>&amp;Action&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/audit/filters.py" line="104"/>
        <source>All actions</source>
        <translation>Toutes les actions</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../ui/audit/model.py" line="72"/>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../../ui/audit/model.py" line="73"/>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location filename="../../ui/audit/model.py" line="74"/>
        <source>User</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../ui/audit/model.py" line="75"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/audit/model.py" line="76"/>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../ui/audit/model.py" line="77"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../ui/audit/model.py" line="78"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location filename="../../ui/audit/model.py" line="94"/>
        <source>Empty</source>
        <translation>Vide</translation>
    </message>
</context>
<context>
    <name>AuditWording</name>
    <message>
        <location filename="../../ui/audit/wording.py" line="24"/>
        <source>Logged in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="25"/>
        <source>Login failed</source>
        <translation>Échec de connexion</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="26"/>
        <source>Locked</source>
        <translation>Verrouillage</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="27"/>
        <source>Unlocked</source>
        <translation>Déverrouillage</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="28"/>
        <source>Record created</source>
        <translation>Fiche créée</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="29"/>
        <source>Record edited</source>
        <translation>Fiche modifiée</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="30"/>
        <source>Record deleted</source>
        <translation>Fiche supprimée</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="31"/>
        <source>Legal hold placed</source>
        <translation>Gel judiciaire posé</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="32"/>
        <source>Legal hold lifted</source>
        <translation>Gel judiciaire levé</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="33"/>
        <source>Records imported</source>
        <translation>Fiches importées</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="34"/>
        <source>Records exported</source>
        <translation>Fiches exportées</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="35"/>
        <source>Records purged</source>
        <translation>Fiches purgées</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="36"/>
        <source>Report made</source>
        <translation>Rapport établi</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="37"/>
        <source>Report saved</source>
        <translation>Rapport enregistré</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="38"/>
        <source>Account added</source>
        <translation>Compte ajouté</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="39"/>
        <source>Account removed</source>
        <translation>Compte supprimé</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="40"/>
        <source>Role changed</source>
        <translation>Rôle modifié</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="41"/>
        <source>Password reset</source>
        <translation>Mot de passe réinitialisé</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="42"/>
        <source>Password changed</source>
        <translation>Mot de passe changé</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="43"/>
        <source>Backup made</source>
        <translation>Sauvegarde effectuée</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="44"/>
        <source>Automatic backup made</source>
        <translation>Sauvegarde automatique faite</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="45"/>
        <source>Vault restored</source>
        <translation>Coffre-fort restauré</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="46"/>
        <source>Vault upgraded</source>
        <translation>Coffre-fort mis à niveau</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="47"/>
        <source>Bundle sent</source>
        <translation>Lot envoyé</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="48"/>
        <source>Bundle imported</source>
        <translation>Lot importé</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="49"/>
        <source>Workstation accepted</source>
        <translation>Poste de travail accepté</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="50"/>
        <source>Consolidation vault created</source>
        <translation>Coffre-fort de consolidation créé</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="53"/>
        <source>Audit trail exported</source>
        <translation>Journal d’audit exporté</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="65"/>
        <source>Succeeded</source>
        <translation>Réussi</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="66"/>
        <source>Failed</source>
        <translation>Échoué</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="67"/>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="85"/>
        <source>{date} at {time}</source>
        <translation>{date} à {time}</translation>
    </message>
    <message>
        <location filename="../../ui/audit/wording.py" line="94"/>
        <source>Your role ({role}) does not allow you to view the audit trail.</source>
        <translation>Votre rôle ({role}) ne vous permet pas de consulter le journal d’audit.</translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <location filename="../../ui/bundles/actions.py" line="38"/>
        <source>&amp;Workstations…</source>
        <translation>&amp;Postes de travail…</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/actions.py" line="42"/>
        <source>The workstations this vault accepts bundles from; import their bundles</source>
        <translation>Les postes de travail dont ce coffre-fort accepte les lots&#xa0;; importer leurs lots</translation>
    </message>
</context>
<context>
    <name>BundleImport</name>
    <message>
        <location filename="../../ui/bundles/importing.py" line="97"/>
        <source>Accept a new workstation?</source>
        <translation>Accepter un nouveau poste de travail&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="103"/>
        <source>Records in its bundle: {records}</source>
        <translation>Fiches dans son lot&#xa0;: {records}</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="105"/>
        <source>Records in its {files} bundles: {records}</source>
        <translation>Fiches dans ses {files} lots&#xa0;: {records}</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="110"/>
        <source>A bundle comes from a workstation this vault does not know yet.</source>
        <translation>Un lot vient d’un poste de travail que ce coffre-fort ne connaît pas encore.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="115"/>
        <source>Workstation: {workstation}</source>
        <translation>Poste de travail&#xa0;: {workstation}</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="118"/>
        <source>Key fingerprint:</source>
        <translation>Empreinte de la clé&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="123"/>
        <source>Accept it only if it is one of the organisation&apos;s workstations: compare its id with the one shown in Help &gt; About on that computer. Once accepted, its bundles are imported without asking. Accept this workstation?</source>
        <translation>Ne l’acceptez que s’il s’agit d’un poste de travail de l’organisation&#xa0;: comparez son identifiant avec celui qu’affiche Aide &gt; À propos sur cet ordinateur. Une fois accepté, ses lots sont importés sans question. Accepter ce poste de travail&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="134"/>
        <source>bundle {sequence} of workstation {workstation} imported: {added} added, {replaced} replaced, {unchanged} unchanged, {held} on legal hold left as they were.</source>
        <translation>lot {sequence} du poste {workstation} importé&#xa0;: {added} ajoutées, {replaced} remplacées, {unchanged} inchangées, {held} sous gel judiciaire laissées telles quelles.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="147"/>
        <source>{conflicts} records already here from elsewhere (the same ids) were left as they were.</source>
        <translation>{conflicts} fiches déjà présentes venant d’ailleurs (mêmes identifiants) ont été laissées telles quelles.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="153"/>
        <source>The workstation was accepted.</source>
        <translation>Le poste de travail a été accepté.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="174"/>
        <source>not imported (the import was cancelled before it).</source>
        <translation>non importé (l’import a été annulé avant lui).</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="180"/>
        <source>not imported. {reason}</source>
        <translation>non importé. {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="184"/>
        <source>{file}: {what}</source>
        <translation>{file}&#xa0;: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="193"/>
        <source>Files imported: {imported} of {total}.</source>
        <translation>Fichiers importés&#xa0;: {imported} sur {total}.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/importing.py" line="196"/>
        <source>The import was cancelled; the files imported before the cancel stay imported.</source>
        <translation>L’import a été annulé&#xa0;; les fichiers importés avant l’annulation le restent.</translation>
    </message>
</context>
<context>
    <name>CallDisplay</name>
    <message>
        <location filename="../../ui/call_list/display.py" line="40"/>
        <source>{date} at {time}</source>
        <translation>{date} à {time}</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/display.py" line="55"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
</context>
<context>
    <name>CallFilterBar</name>
    <message>
        <location filename="../../ui/call_list/filters.py" line="140"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="141"/>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="142"/>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="143"/>
        <source>Chosen dates</source>
        <translation>Dates choisies</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="144"/>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="150"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="152"/>
        <source>All reasons</source>
        <translation>Tous les motifs</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="160"/>
        <source>All counselors</source>
        <translation>Tous les écoutant·es</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="168"/>
        <source>&amp;Period:</source>
        <translation>&amp;Période&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="169"/>
        <source>Fro&amp;m:</source>
        <translation>Dé&amp;but&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="170"/>
        <source>&amp;To:</source>
        <translation>Fi&amp;n&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="171"/>
        <source>Call &amp;kind:</source>
        <translation>&amp;Type d’appel&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="172"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/filters.py" line="174"/>
        <source>Cou&amp;nselor:</source>
        <translation>Éc&amp;outant·e&#xa0;:</translation>
    </message>
</context>
<context>
    <name>CallListModel</name>
    <message>
        <location filename="../../ui/call_list/model.py" line="102"/>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/model.py" line="104"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/model.py" line="106"/>
        <source>Call kind</source>
        <translation>Type d’appel</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/model.py" line="108"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/model.py" line="109"/>
        <source>Counselor</source>
        <translation>Écoutant·e</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/model.py" line="145"/>
        <source>{when}
On legal hold</source>
        <translation>{when}
Sous gel judiciaire</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/model.py" line="149"/>
        <source>No reason recorded</source>
        <translation>Aucun motif noté</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/model.py" line="157"/>
        <source>{when}, on legal hold</source>
        <translation>{when}, sous gel judiciaire</translation>
    </message>
</context>
<context>
    <name>CallListView</name>
    <message>
        <location filename="../../ui/call_list/view.py" line="91"/>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/view.py" line="92"/>
        <source>Press Enter to open the selected call.</source>
        <translation>Appuyez sur Entrée pour ouvrir l’appel sélectionné.</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/view.py" line="151"/>
        <source>Calls: {count}</source>
        <translation>Appels&#xa0;: {count}</translation>
    </message>
</context>
<context>
    <name>CallTimer</name>
    <message>
        <location filename="../../ui/intake/timer.py" line="31"/>
        <source>Call duration</source>
        <translation>Durée de l’appel</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/password_dialog.py" line="18"/>
        <source>Change your password</source>
        <translation>Changer de mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="23"/>
        <source>C&amp;urrent password:</source>
        <translation>Mot de passe ac&amp;tuel&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="24"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="25"/>
        <source>Con&amp;firm new password:</source>
        <translation>&amp;Confirmer le nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="27"/>
        <source>Change &amp;password</source>
        <translation>Changer le &amp;mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="27"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/password_dialog.py" line="38"/>
        <source>The current password is not correct.</source>
        <translation>Le mot de passe actuel est incorrect.</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../ui/reports/charts.py" line="24"/>
        <location filename="../../ui/reports/charts.py" line="29"/>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="32"/>
        <source>Chart: {title}</source>
        <translation>Graphique&#xa0;: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="87"/>
        <source>Nothing to show.</source>
        <translation>Rien à afficher.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="95"/>
        <source>A grid of {rows} rows by {columns} columns: the darker, the more calls.</source>
        <translation>Une grille de {rows} lignes sur {columns} colonnes&#xa0;: plus la case est foncée, plus il y a d’appels.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="100"/>
        <source>Most: {row}, {column}: {value}.</source>
        <translation>Le plus&#xa0;: {row}, {column}&#xa0;: {value}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="114"/>
        <source>Stacked bars, one a row.</source>
        <translation>Barres empilées, une par ligne.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="122"/>
        <source>Columns, one a period.</source>
        <translation>Colonnes, une par période.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/charts.py" line="123"/>
        <source>Bars, one a row.</source>
        <translation>Barres, une par ligne.</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <location filename="../../ui/confirm.py" line="24"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
</context>
<context>
    <name>DeleteRecordDialog</name>
    <message>
        <location filename="../../ui/call_list/delete_dialog.py" line="21"/>
        <source>Delete a record</source>
        <translation>Supprimer une fiche</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/delete_dialog.py" line="26"/>
        <source>Delete the record of the call of {when}? Its answers and its note are removed for good; only its times, who deleted it and why are kept.</source>
        <translation>Supprimer la fiche de l’appel du {when}&#xa0;? Ses réponses et sa note sont effacées définitivement&#xa0;; seuls ses horaires, l’auteur·e de la suppression et son motif sont conservés.</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/delete_dialog.py" line="32"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/delete_dialog.py" line="33"/>
        <source>Required. Do not write anything about the caller.</source>
        <translation>Obligatoire. N’écrivez rien sur la personne qui a appelé.</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/delete_dialog.py" line="34"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/delete_dialog.py" line="34"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>manage user accounts</source>
        <translation>gérer les comptes</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="54"/>
        <source>log calls</source>
        <translation>enregistrer des appels</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="56"/>
        <source>see and change every counselor&apos;s records</source>
        <translation>voir et modifier les fiches de toute l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="58"/>
        <source>delete records</source>
        <translation>supprimer des fiches</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="60"/>
        <source>view and export the audit trail</source>
        <translation>consulter et exporter le journal d’audit</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="62"/>
        <source>put records on legal hold or lift a hold</source>
        <translation>placer des fiches sous gel judiciaire ou lever un gel</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="64"/>
        <source>purge notes and records past their retention period</source>
        <translation>purger les notes et les fiches dont la durée de conservation est dépassée</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="68"/>
        <source>send records to the organisation</source>
        <translation>envoyer des fiches à l’organisation</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="70"/>
        <source>import the workstations&apos; bundles and accept workstations</source>
        <translation>importer les lots des postes de travail et accepter des postes</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="73"/>
        <source>verify the vault</source>
        <translation>vérifier le coffre-fort</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="77"/>
        <source>Your role ({role}) does not allow you to {action}.</source>
        <translation>Votre rôle ({role}) ne vous permet pas de {action}.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="84"/>
        <source>Enter a user name.</source>
        <translation>Saisissez un nom d’utilisateur.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="86"/>
        <source>The user name is too long (at most {maximum} characters).</source>
        <translation>Le nom d’utilisateur est trop long ({maximum} caractères au plus).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="90"/>
        <source>The user name contains a control character or an unusual space.</source>
        <translation>Le nom d’utilisateur contient un caractère de contrôle ou une espace inhabituelle.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="94"/>
        <source>This role does not exist.</source>
        <translation>Ce rôle n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="96"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="98"/>
        <source>Give a reason.</source>
        <translation>Indiquez un motif.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="100"/>
        <source>The reason is too long.</source>
        <translation>Le motif est trop long.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="102"/>
        <source>A report covers days from {first} to {last}. Choose dates within them.</source>
        <translation>Un rapport porte sur les jours du {first} au {last}. Choisissez des dates comprises entre les deux.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="105"/>
        <source>This entry is not accepted ({detail}).</source>
        <translation>Cette saisie n’est pas acceptée ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="116"/>
        <source>Unknown user name or wrong password.</source>
        <translation>Nom d’utilisateur inconnu ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="118"/>
        <source>Too many failed logins with this user name. Try again in {seconds} s.</source>
        <translation>Trop d’échecs de connexion avec ce nom d’utilisateur. Réessayez dans {seconds}&#xa0;s.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="125"/>
        <source>There is no vault in {folder}. Restore it from a backup, or start the program again to create a new one.</source>
        <translation>Il n’y a pas de coffre-fort dans {folder}. Restaurez-le depuis une sauvegarde, ou relancez le programme pour en créer un nouveau.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="131"/>
        <source>A vault already exists in {folder}; it was left untouched.</source>
        <translation>Un coffre-fort existe déjà dans {folder}&#xa0;; il n’a pas été modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="135"/>
        <source>The vault file {path} is damaged or cannot be read ({detail}). It has not been changed. Restore it from a backup, or ask your administrator.</source>
        <translation>Le fichier du coffre-fort {path} est endommagé ou illisible ({detail}). Il n’a pas été modifié. Restaurez-le depuis une sauvegarde, ou demandez de l’aide à votre administrateur·rice.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="141"/>
        <source>The key file {path} is damaged or cannot be read ({detail}). It has not been changed. Restore it from a backup, or ask your administrator.</source>
        <translation>Le fichier des clés {path} est endommagé ou illisible ({detail}). Il n’a pas été modifié. Restaurez-le depuis une sauvegarde, ou demandez de l’aide à votre administrateur·rice.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="147"/>
        <source>This vault was written by a newer version of counselor-app (format {found}; this version reads up to format {supported}). Install the newer version to open it.</source>
        <translation>Ce coffre-fort a été écrit par une version plus récente de counselor-app (format {found}&#xa0;; cette version lit jusqu’au format {supported}). Installez la version plus récente pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="153"/>
        <source>The password must have at least {minimum} characters.</source>
        <translation>Le mot de passe doit comporter au moins {minimum} caractères.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="159"/>
        <source>There is no user named “{name}”.</source>
        <translation>Il n’existe aucun compte nommé «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="163"/>
        <source>A user named “{name}” already exists.</source>
        <translation>Un compte nommé «&#xa0;{name}&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="167"/>
        <source>The last admin cannot be removed or given another role.</source>
        <translation>Le dernier compte administrateur ne peut être ni supprimé ni changer de rôle.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="171"/>
        <source>The record is not complete or not valid: {fields}.</source>
        <translation>La fiche est incomplète ou invalide : {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="175"/>
        <source>This record does not exist or is not yours to see.</source>
        <translation>Cette fiche n’existe pas ou ne vous est pas accessible.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="179"/>
        <source>This record can no longer be changed: counselors may change their own records for {hours} hours. Ask a supervisor.</source>
        <translation>Cette fiche ne peut plus être modifiée : les écoutant·es peuvent modifier leurs fiches pendant {hours} heures. Adressez-vous à un·e superviseur·e.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="185"/>
        <source>The automatic purge did not run: the last call was saved {days} days ago by this computer&apos;s clock. Check the date and time; an admin can run the purge.</source>
        <translation>La purge automatique n’a pas eu lieu&#xa0;: selon l’horloge de cet ordinateur, le dernier appel a été enregistré il y a {days}&#xa0;jours. Vérifiez la date et l’heure&#xa0;; un·e administrateur·rice peut lancer la purge.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="191"/>
        <source>This record came from workstation {workstation}: it is changed there, and its next bundle brings the change here.</source>
        <translation>Cette fiche vient du poste de travail {workstation}&#xa0;: elle se modifie là-bas, et son prochain lot apporte la modification ici.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="198"/>
        <source>This record is on legal hold: a supervisor must lift the hold before it can be changed.</source>
        <translation>Cette fiche est sous gel judiciaire&#xa0;: un·e superviseur·e doit lever le gel avant qu’elle puisse être modifiée.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="203"/>
        <source>This record is on legal hold: a supervisor must lift the hold before it can be deleted.</source>
        <translation>Cette fiche est sous gel judiciaire&#xa0;: un·e superviseur·e doit lever le gel avant qu’elle puisse être supprimée.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="209"/>
        <source>An earlier change of the vault&apos;s key did not finish. Lock the program (Ctrl+L) and log in again: the login completes it.</source>
        <translation>Un changement de clé du coffre-fort ne s’est pas terminé. Verrouillez le programme (Ctrl+L) et reconnectez-vous : la connexion le termine.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="215"/>
        <source>You cannot remove your own account; ask another admin.</source>
        <translation>Vous ne pouvez pas supprimer votre propre compte&#xa0;; demandez-le à un autre administrateur ou à une autre administratrice.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="219"/>
        <source>The file was not imported: line {line}, {field}: {detail}. Nothing was written to the vault; correct the file and import it again.</source>
        <translation>Le fichier n’a pas été importé&#xa0;: ligne {line}, {field}&#xa0;: {detail}. Rien n’a été écrit dans le coffre-fort&#xa0;; corrigez le fichier et importez-le de nouveau.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="225"/>
        <source>This version of the program must upgrade the vault, and first makes a backup of it in {folder}; the backup could not be written ({reason}). Nothing was changed. Free some space there, or ask IT to set another backup folder, then log in again.</source>
        <translation>Cette version du programme doit mettre à jour le coffre-fort et en fait d’abord une sauvegarde dans {folder}&#xa0;; la sauvegarde n’a pas pu être écrite ({reason}). Rien n’a été modifié. Libérez de la place à cet endroit, ou demandez au service informatique de choisir un autre dossier de sauvegarde, puis reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="233"/>
        <source>The file changed while it was being imported. Nothing was imported; import it again once it is complete.</source>
        <translation>Le fichier a changé pendant l’importation. Rien n’a été importé&#xa0;; importez-le de nouveau une fois qu’il est complet.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="238"/>
        <source>The operation failed ({detail}).</source>
        <translation>L’opération a échoué ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="254"/>
        <source>The disk is full: nothing was saved. What you typed is still here; free some space on the disk (or ask IT to) and try again.</source>
        <translation>Le disque est plein&#xa0;: rien n’a été enregistré. Ce que vous avez saisi est toujours là&#xa0;; libérez de la place sur le disque (ou demandez-le au service informatique) puis réessayez.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="260"/>
        <source>A file could not be read or written: {path} ({reason}).</source>
        <translation>Un fichier n’a pas pu être lu ou écrit&#xa0;: {path} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="263"/>
        <source>The vault database could not be read or written ({detail}). The operation was not completed. If this happens again, ask your administrator to restore the vault from a backup.</source>
        <translation>La base de données du coffre-fort n’a pas pu être lue ou écrite ({detail}). L’opération n’a pas été effectuée. Si cela se reproduit, demandez à votre administrateur·rice de restaurer le coffre-fort depuis une sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="34"/>
        <source>No organisation key is set on this computer, so no records can be sent. IT must set supervisor_public_key in the site settings file to the organisation&apos;s public key. Nothing was sent.</source>
        <translation>Aucune clé de l’organisation n’est définie sur cet ordinateur, aucune fiche ne peut donc être envoyée. Le service informatique doit indiquer la clé publique de l’organisation dans supervisor_public_key du fichier de réglages du site. Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="41"/>
        <source>{path} already exists: a bundle never replaces a file. Choose another file name.</source>
        <translation>{path} existe déjà&#xa0;: un lot ne remplace jamais un fichier. Choisissez un autre nom de fichier.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="46"/>
        <source>This is a training vault: its practice calls are never sent to the organisation.</source>
        <translation>Ceci est un coffre-fort d’entraînement&#xa0;: ses appels d’exercice ne sont jamais envoyés à l’organisation.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="51"/>
        <source>This is the consolidation vault: it receives the workstations&apos; records and sends none.</source>
        <translation>Ceci est le coffre-fort de consolidation&#xa0;: il reçoit les fiches des postes de travail et n’en envoie aucune.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="58"/>
        <source>A bundle cannot start after bundle {since}: this workstation has sent bundles 1 to {last}.</source>
        <translation>Un lot ne peut pas partir du lot {since}&#xa0;: ce poste de travail a envoyé les lots 1 à {last}.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="63"/>
        <source>A bundle cannot start after bundle {since}: this workstation has not sent any bundle yet.</source>
        <translation>Un lot ne peut pas partir du lot {since}&#xa0;: ce poste de travail n’a encore envoyé aucun lot.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="69"/>
        <source>A bundle cannot be numbered {sequence}: this workstation&apos;s last bundle is {last}, and a new one needs a higher number.</source>
        <translation>Un lot ne peut pas porter le numéro {sequence}&#xa0;: le dernier lot de ce poste de travail est le {last}, et un nouveau lot doit avoir un numéro plus grand.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="75"/>
        <source>{records} records are too many for one bundle. Nothing was written. Ask IT to send them from a later bundle.</source>
        <translation>{records} fiches, c’est trop pour un seul lot. Rien n’a été écrit. Demandez au service informatique de les envoyer à partir d’un lot plus récent.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="85"/>
        <source>This bundle comes from workstation {workstation}, which this vault does not know (key fingerprint {fingerprint}), and that workstation was not accepted. Nothing of it was imported. If it is one of the organisation&apos;s workstations, import the bundle again and accept it.</source>
        <translation>Ce lot vient du poste de travail {workstation}, que ce coffre-fort ne connaît pas (empreinte de la clé {fingerprint}), et ce poste n’a pas été accepté. Rien de ce lot n’a été importé. S’il s’agit d’un poste de travail de l’organisation, importez de nouveau le lot et acceptez-le.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="93"/>
        <source>This is bundle {sequence} of its workstation, and its bundles up to {last} were imported already. Nothing of it was imported. If that workstation was restored from a backup, ask IT to have it send a bundle numbered above {last}.</source>
        <translation>Ceci est le lot {sequence} de son poste de travail, et ses lots jusqu’au {last} ont déjà été importés. Rien de ce lot n’a été importé. Si ce poste a été restauré depuis une sauvegarde, demandez au service informatique de lui faire envoyer un lot numéroté au-delà de {last}.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="101"/>
        <source>bundle {first} is missing</source>
        <translation>le lot {first} manque</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="105"/>
        <source>bundles {first} to {last} are missing</source>
        <translation>les lots {first} à {last} manquent</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="108"/>
        <source>This is bundle {sequence} of its workstation and follows bundle {base}, but the last one imported is {last}: {missing}. Nothing of it was imported. Import the missing bundles first; if they are lost, IT can have the workstation send its records again since bundle {last}.</source>
        <translation>Ceci est le lot {sequence} de son poste de travail et il suit le lot {base}, mais le dernier importé est le {last}&#xa0;: {missing}. Rien de ce lot n’a été importé. Importez d’abord les lots manquants&#xa0;; s’ils sont perdus, le service informatique peut faire renvoyer au poste ses fiches depuis le lot {last}.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="117"/>
        <source>This bundle was refused ({detail}). Nothing of it was imported.</source>
        <translation>Ce lot a été refusé ({detail}). Rien de ce lot n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="124"/>
        <source>The file cannot be read: check that it is still there.</source>
        <translation>Le fichier ne peut pas être lu&#xa0;: vérifiez qu’il est toujours là.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="127"/>
        <source>This file is not a counselor-app bundle.</source>
        <translation>Ce fichier n’est pas un lot de counselor-app.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="130"/>
        <source>This bundle was written by a newer version of counselor-app. Install the newer version to import it.</source>
        <translation>Ce lot a été écrit par une version plus récente de counselor-app. Installez cette version pour l’importer.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="135"/>
        <source>This bundle is damaged. Ask for it to be sent again.</source>
        <translation>Ce lot est endommagé. Demandez qu’il soit renvoyé.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="138"/>
        <source>This bundle&apos;s signature does not match: it was altered after it was made. Ask for it to be sent again.</source>
        <translation>La signature de ce lot ne correspond pas&#xa0;: il a été modifié après avoir été fait. Demandez qu’il soit renvoyé.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="143"/>
        <source>This bundle&apos;s workstation id does not match its key: it was not made by counselor-app.</source>
        <translation>L’identifiant de poste de ce lot ne correspond pas à sa clé&#xa0;: il n’a pas été fait par counselor-app.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="148"/>
        <source>This bundle was made for another organisation key: this vault cannot open it.</source>
        <translation>Ce lot a été fait pour une autre clé d’organisation&#xa0;: ce coffre-fort ne peut pas l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="152"/>
        <source>This bundle cannot be decrypted: it is damaged or was altered.</source>
        <translation>Ce lot ne peut pas être déchiffré&#xa0;: il est endommagé ou a été modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="155"/>
        <source>This file is too large to be a bundle.</source>
        <translation>Ce fichier est trop gros pour être un lot.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="160"/>
        <source>This bundle cannot be read ({detail}).</source>
        <translation>Ce lot ne peut pas être lu ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="167"/>
        <source>The organisation key files already exist; nothing was written.</source>
        <translation>Les fichiers de clé de l’organisation existent déjà&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="170"/>
        <source>The organisation key files could not be written.</source>
        <translation>Les fichiers de clé de l’organisation n’ont pas pu être écrits.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="173"/>
        <source>The organisation key file does not exist.</source>
        <translation>Le fichier de clé de l’organisation n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="176"/>
        <source>The organisation key file cannot be read.</source>
        <translation>Le fichier de clé de l’organisation ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="179"/>
        <source>This file is not a counselor-app organisation key.</source>
        <translation>Ce fichier n’est pas une clé d’organisation de counselor-app.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="182"/>
        <source>Wrong passphrase, or the organisation key file is damaged.</source>
        <translation>Phrase secrète erronée, ou fichier de clé de l’organisation endommagé.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="185"/>
        <source>The organisation key file is damaged: its private key does not match its public key.</source>
        <translation>Le fichier de clé de l’organisation est endommagé&#xa0;: sa clé privée ne correspond pas à sa clé publique.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="189"/>
        <source>The organisation key kept in this vault is damaged. Restore the vault from a backup, or ask IT.</source>
        <translation>La clé de l’organisation gardée dans ce coffre-fort est endommagée. Restaurez le coffre-fort depuis une sauvegarde, ou adressez-vous au service informatique.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="198"/>
        <source>The organisation key cannot be used ({detail}).</source>
        <translation>La clé de l’organisation ne peut pas être utilisée ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/messages.py" line="211"/>
        <source>Bundles are imported into the organisation&apos;s consolidation vault, not into a workstation&apos;s vault.</source>
        <translation>Les lots s’importent dans le coffre-fort de consolidation de l’organisation, pas dans le coffre-fort d’un poste de travail.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="44"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="45"/>
        <source>Export records</source>
        <translation>Exporter des fiches</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="48"/>
        <source>Writes the records of the period to a file, one record a line, for another vault or for statistics.</source>
        <translation>Écrit les fiches de la période dans un fichier, une fiche par ligne, pour un autre coffre-fort ou pour des statistiques.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="57"/>
        <source>&amp;File:</source>
        <translation>Fi&amp;chier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="59"/>
        <source>Fro&amp;m:</source>
        <translation>D&amp;u&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="61"/>
        <source>&amp;To:</source>
        <translation>&amp;Jusqu’au&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="62"/>
        <source>Include the &amp;notes</source>
        <translation>Inclure les &amp;notes</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="67"/>
        <source>Notes may hold details that identify someone: include them only when needed, and keep the file safe.</source>
        <translation>Les notes peuvent contenir des éléments qui identifient quelqu’un&#xa0;: ne les incluez que si c’est nécessaire, et gardez le fichier en lieu sûr.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="96"/>
        <source>Choose where to save the file (a full path, or Browse…).</source>
        <translation>Choisissez où enregistrer le fichier (un chemin complet, ou Parcourir…).</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="100"/>
        <source>{path} is a folder: add a file name.</source>
        <translation>{path} est un dossier&#xa0;: ajoutez un nom de fichier.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="104"/>
        <source>The folder {folder} does not exist.</source>
        <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="112"/>
        <source>Replace the file</source>
        <translation>Remplacer le fichier</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="113"/>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} existe déjà. Le remplacer&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="114"/>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="117"/>
        <source>Choose another file name.</source>
        <translation>Choisissez un autre nom de fichier.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="135"/>
        <source>{count} records were written to {path}.</source>
        <translation>{count} fiches ont été écrites dans {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/export_dialog.py" line="139"/>
        <source>The notes are in it: keep the file safe, delete it after use.</source>
        <translation>Les notes y figurent&#xa0;: gardez le fichier en lieu sûr et supprimez-le après usage.</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../../ui/intake/form_view.py" line="52"/>
        <source>{label} (required)</source>
        <translation>{label} (obligatoire)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/form_view.py" line="76"/>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
</context>
<context>
    <name>FileField</name>
    <message>
        <location filename="../../ui/transfer/file_field.py" line="34"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/file_field.py" line="63"/>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/file_field.py" line="66"/>
        <source>Record files (*.jsonl)</source>
        <translation>Fichiers de fiches (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/file_field.py" line="66"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="26"/>
        <source>Create the vault</source>
        <translation>Créer le coffre-fort</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="29"/>
        <source>No vault was found in {folder}. Create it now with the first admin account. Keep the password safe: without it, or another admin&apos;s, the records cannot be opened.</source>
        <translation>Aucun coffre-fort n’a été trouvé dans {folder}. Créez-le maintenant avec le premier compte administrateur. Conservez bien le mot de passe&#xa0;: sans lui, ou sans celui d’un autre compte administrateur, les fiches d’appel ne peuvent pas être ouvertes.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="40"/>
        <source>User &amp;name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="41"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="42"/>
        <source>Con&amp;firm password:</source>
        <translation>&amp;Confirmer le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="44"/>
        <source>&amp;Create vault</source>
        <translation>Cré&amp;er le coffre-fort</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="44"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../ui/intake/form_view.py" line="115"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="46"/>
        <source>Import records</source>
        <translation>Importer des fiches</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="47"/>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="50"/>
        <source>Adds the records of a file (one record a line) to the vault, as yours. Every line is checked first: one bad line and nothing is imported.</source>
        <translation>Ajoute au coffre-fort les fiches d’un fichier (une fiche par ligne), à votre nom. Chaque ligne est d’abord vérifiée&#xa0;: une seule ligne incorrecte et rien n’est importé.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="55"/>
        <source>&amp;File:</source>
        <translation>Fi&amp;chier&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="56"/>
        <source>&amp;Mask identifying details in notes</source>
        <translation>&amp;Masquer les éléments identifiants des notes</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="62"/>
        <source>Phone numbers, e-mail addresses, dates and addresses found in the notes are replaced by a mark.</source>
        <translation>Les numéros de téléphone, adresses e-mail, dates et adresses trouvés dans les notes sont remplacés par une marque.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="74"/>
        <source>Choose the file to import (a full path, or Browse…).</source>
        <translation>Choisissez le fichier à importer (un chemin complet, ou Parcourir…).</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="77"/>
        <source>There is no file {path}.</source>
        <translation>Le fichier {path} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="89"/>
        <source>Imported: {imported}. Already in the vault, skipped: {skipped}.</source>
        <translation>Importées&#xa0;: {imported}. Déjà dans le coffre-fort, ignorées&#xa0;: {skipped}.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="98"/>
        <source>Identifying details were found and masked in the notes on lines {lines}.</source>
        <translation>Des éléments identifiants ont été trouvés et masqués dans les notes des lignes {lines}.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="104"/>
        <source>The notes on lines {lines} may hold identifying details: check those records.</source>
        <translation>Les notes des lignes {lines} contiennent peut-être des éléments identifiants&#xa0;: vérifiez ces fiches.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/import_dialog.py" line="112"/>
        <source>Cancelled. Nothing was imported.</source>
        <translation>Annulé. Rien n’a été importé.</translation>
    </message>
</context>
<context>
    <name>Intake</name>
    <message>
        <location filename="../../ui/intake/intake.py" line="73"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="74"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="186"/>
        <source>Some answers are missing or not valid: see the fields marked ⚠.</source>
        <translation>Des réponses manquent ou ne sont pas valables&#xa0;: voyez les champs marqués ⚠.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="194"/>
        <source>Identifying details in the note</source>
        <translation>Détails identifiants dans la note</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="196"/>
        <source>The note still contains identifying details: {kinds}.

Mask them (Ctrl+M) before saving, or save the note as it is; that choice is recorded with the call.</source>
        <translation>La note contient encore des détails identifiants&#xa0;: {kinds}.

Masquez-les (Ctrl+M) avant d’enregistrer, ou enregistrez la note telle quelle&#xa0;; ce choix est consigné avec l’appel.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="200"/>
        <source>&amp;Save as it is</source>
        <translation>&amp;Enregistrer telle quelle</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="215"/>
        <source>Log as “{kind}”</source>
        <translation>Consigner comme «&#xa0;{kind}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="216"/>
        <source>This call already has answers. Log it as “{kind}” and drop them?</source>
        <translation>Cet appel a déjà des réponses. Le consigner comme «&#xa0;{kind}&#xa0;» et les abandonner&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="219"/>
        <source>&amp;Log it</source>
        <translation>&amp;Consigner</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="226"/>
        <source>Logged: {kind}.</source>
        <translation>Consigné&#xa0;: {kind}.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="265"/>
        <source>Call saved ({duration}).</source>
        <translation>Appel enregistré ({duration}).</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="274"/>
        <source>Discard this call</source>
        <translation>Abandonner cet appel</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="275"/>
        <source>Discard this call without saving it? Its answers will be lost.</source>
        <translation>Abandonner cet appel sans l’enregistrer&#xa0;? Ses réponses seront perdues.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="276"/>
        <source>&amp;Discard</source>
        <translation>A&amp;bandonner</translation>
    </message>
    <message>
        <location filename="../../ui/intake/intake.py" line="281"/>
        <source>Call discarded.</source>
        <translation>Appel abandonné.</translation>
    </message>
</context>
<context>
    <name>IntakeArea</name>
    <message>
        <location filename="../../ui/intake/area.py" line="68"/>
        <location filename="../../ui/intake/area.py" line="80"/>
        <source>A call is already open: save it (Ctrl+S) or discard it (Esc) first.</source>
        <translation>Un appel est déjà ouvert&#xa0;: enregistrez-le (Ctrl+S) ou abandonnez-le (Échap) d’abord.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/area.py" line="110"/>
        <source>The record this unsaved correction was for no longer exists (it was deleted); the correction was discarded.</source>
        <translation>La fiche que cette correction non enregistrée modifiait n’existe plus (elle a été supprimée)&#xa0;; la correction a été abandonnée.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/area.py" line="166"/>
        <source>Logged: {kind}.</source>
        <translation>Consigné&#xa0;: {kind}.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/area.py" line="201"/>
        <source>Unsaved call</source>
        <translation>Appel non enregistré</translation>
    </message>
    <message>
        <location filename="../../ui/intake/area.py" line="205"/>
        <source>A call started at {time} was not saved: the program was locked or stopped before the end. Resume it, or discard it?</source>
        <translation>Un appel commencé le {time} n’a pas été enregistré&#xa0;: le programme a été verrouillé ou arrêté avant la fin. Le reprendre, ou l’abandonner&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/intake/area.py" line="209"/>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <location filename="../../ui/intake/area.py" line="213"/>
        <source>&amp;Discard</source>
        <translation>A&amp;bandonner</translation>
    </message>
    <message>
        <location filename="../../ui/intake/area.py" line="242"/>
        <source>The unsaved call was discarded.</source>
        <translation>L’appel non enregistré a été abandonné.</translation>
    </message>
</context>
<context>
    <name>Issues</name>
    <message>
        <location filename="../../ui/intake/issues.py" line="15"/>
        <source>Required: choose at least one answer.</source>
        <translation>Obligatoire&#xa0;: choisissez au moins une réponse.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/issues.py" line="17"/>
        <source>Required: choose an answer.</source>
        <translation>Obligatoire&#xa0;: choisissez une réponse.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/issues.py" line="18"/>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/issues.py" line="20"/>
        <source>Choose at least one answer.</source>
        <translation>Choisissez au moins une réponse.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/issues.py" line="22"/>
        <source>This answer cannot be combined with the others.</source>
        <translation>Cette réponse ne peut pas être combinée avec les autres.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/issues.py" line="26"/>
        <source>Enter a number from {minimum} to {maximum}.</source>
        <translation>Saisissez un nombre de {minimum} à {maximum}.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/issues.py" line="30"/>
        <source>Too long: at most {maximum} characters.</source>
        <translation>Trop long&#xa0;: {maximum} caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/issues.py" line="34"/>
        <source>Contains invisible control characters: remove them.</source>
        <translation>Contient des caractères de contrôle invisibles&#xa0;: supprimez-les.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/issues.py" line="37"/>
        <source>This answer is not valid.</source>
        <translation>Cette réponse n’est pas valable.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="37"/>
        <source>Unlock counselor-app</source>
        <translation>Déverrouiller counselor-app</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="38"/>
        <source>Enter your user name and password to open the call log.</source>
        <translation>Saisissez votre nom d’utilisateur et votre mot de passe pour ouvrir le journal des appels.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="45"/>
        <source>User &amp;name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="46"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="47"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="47"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="52"/>
        <source>Enter your user name.</source>
        <translation>Saisissez votre nom d’utilisateur.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="69"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71"/>
        <location filename="../../ui/main_window.py" line="276"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73"/>
        <source>&amp;Change password…</source>
        <translation>&amp;Changer le mot de passe…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>&amp;Users…</source>
        <translation>&amp;Utilisateurs…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="78"/>
        <source>&amp;About {name}…</source>
        <translation>À &amp;propos de {name}…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87"/>
        <source>A&amp;dmin</source>
        <translation>A&amp;dministration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143"/>
        <source>{title} — training vault</source>
        <translation>{title} — coffre-fort d’entraînement</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>Lock: {shortcut}</source>
        <translation>Verrouiller&#xa0;: {shortcut}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="174"/>
        <source>New call</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179"/>
        <source>Silent</source>
        <translation>Muet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Hung up</source>
        <translation>Raccroché</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Wrong no.</source>
        <translation>Erreur n°</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>Abusive</source>
        <translation>Malveillant</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189"/>
        <source>Log a call: {kind}</source>
        <translation>Consigner un appel&#xa0;: {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>Logged in as {name}, role {role}</source>
        <translation>Session de {name}, rôle {role}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>Welcome, {name}.
Press Ctrl+N for a new call.</source>
        <translation>Bienvenue, {name}.
Appuyez sur Ctrl+N pour un nouvel appel.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Your password has been changed.</source>
        <translation>Votre mot de passe a été changé.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>A call is still open. It will be kept as a draft and offered back at your next login. Quit now?</source>
        <translation>Un appel est encore ouvert. Il sera gardé comme brouillon et vous sera proposé à votre prochaine connexion. Quitter maintenant&#xa0;?</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../ui/intake/note_editor.py" line="30"/>
        <source>phone number</source>
        <translation>numéro de téléphone</translation>
    </message>
    <message>
        <location filename="../../ui/intake/note_editor.py" line="31"/>
        <source>e-mail address</source>
        <translation>adresse e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/intake/note_editor.py" line="32"/>
        <source>bank account number (IBAN)</source>
        <translation>numéro de compte bancaire (IBAN)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/note_editor.py" line="33"/>
        <source>social security number</source>
        <translation>numéro de sécurité sociale</translation>
    </message>
    <message>
        <location filename="../../ui/intake/note_editor.py" line="34"/>
        <source>date (perhaps a date of birth)</source>
        <translation>date (peut-être de naissance)</translation>
    </message>
    <message>
        <location filename="../../ui/intake/note_editor.py" line="35"/>
        <source>street address</source>
        <translation>adresse postale</translation>
    </message>
    <message>
        <location filename="../../ui/intake/note_editor.py" line="128"/>
        <source>⚠ Identifying details found (underlined): {kinds}. Ctrl+M masks the one at the cursor, Ctrl+Shift+M masks them all.</source>
        <translation>⚠ Détails identifiants trouvés (soulignés)&#xa0;: {kinds}. Ctrl+M masque celui du curseur, Ctrl+Maj+M les masque tous.</translation>
    </message>
    <message>
        <location filename="../../ui/intake/note_editor.py" line="134"/>
        <source>{length} of {maximum} characters.</source>
        <translation>{length} caractères sur {maximum}.</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../ui/notice.py" line="47"/>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../ui/notice.py" line="49"/>
        <source>Information</source>
        <translation>Information</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../ui/intake/widgets.py" line="35"/>
        <source>{minimum} to {maximum}</source>
        <translation>de {minimum} à {maximum}</translation>
    </message>
</context>
<context>
    <name>PromptsPanel</name>
    <message>
        <location filename="../../ui/intake/prompts_panel.py" line="31"/>
        <source>Call duration</source>
        <translation>Durée de l’appel</translation>
    </message>
    <message>
        <location filename="../../ui/intake/prompts_panel.py" line="33"/>
        <source>Prompts</source>
        <translation>Consignes</translation>
    </message>
    <message>
        <location filename="../../ui/intake/prompts_panel.py" line="34"/>
        <source>None for now.</source>
        <translation>Aucune pour l’instant.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="78"/>
        <source>Call of {when}</source>
        <translation>Appel du {when}</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="93"/>
        <source>Record of the call of {when}</source>
        <translation>Fiche de l’appel du {when}</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="104"/>
        <source>&amp;Edit</source>
        <translation>&amp;Modifier</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="109"/>
        <location filename="../../ui/call_list/record_dialog.py" line="219"/>
        <source>Place on legal &amp;hold</source>
        <translation>Placer sous gel &amp;judiciaire</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="114"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="118"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="143"/>
        <source>(account removed)</source>
        <translation>(compte supprimé)</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="148"/>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="149"/>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="150"/>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="151"/>
        <source>Counselor</source>
        <translation>Écoutant·e</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="154"/>
        <source>Saved</source>
        <translation>Enregistrée</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="156"/>
        <source>Changed</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="180"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="207"/>
        <source>On legal hold since {when} (placed by {name})</source>
        <translation>Sous gel judiciaire depuis le {when} (posé par {name})</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="219"/>
        <source>Lift legal &amp;hold</source>
        <translation>Lever le gel &amp;judiciaire</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="224"/>
        <source>This record is on legal hold: lift the hold before deleting it.</source>
        <translation>Cette fiche est sous gel judiciaire&#xa0;: levez le gel avant de la supprimer.</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="233"/>
        <source>This record is on legal hold: lift the hold before changing it.</source>
        <translation>Cette fiche est sous gel judiciaire&#xa0;: levez le gel avant de la modifier.</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="259"/>
        <source>The record is on legal hold.</source>
        <translation>La fiche est sous gel judiciaire.</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="261"/>
        <source>The legal hold was lifted.</source>
        <translation>Le gel judiciaire a été levé.</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="269"/>
        <source>Lift a legal hold</source>
        <translation>Lever un gel judiciaire</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="271"/>
        <source>Lift the legal hold on the record of the call of {when}? The retention rules apply to it again, and it can be deleted.</source>
        <translation>Lever le gel judiciaire de la fiche de l’appel du {when}&#xa0;? Les règles de conservation s’y appliquent de nouveau, et elle peut être supprimée.</translation>
    </message>
    <message>
        <location filename="../../ui/call_list/record_dialog.py" line="274"/>
        <source>&amp;Lift the hold</source>
        <translation>&amp;Lever le gel</translation>
    </message>
</context>
<context>
    <name>ReportChoices</name>
    <message>
        <location filename="../../ui/reports/choices.py" line="61"/>
        <source>Period</source>
        <translation>Période</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="68"/>
        <source>Last &amp;month</source>
        <translation>Le &amp;mois dernier</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="69"/>
        <source>Last &amp;quarter</source>
        <translation>Le dernier &amp;trimestre</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="70"/>
        <source>Last &amp;year</source>
        <translation>L’&amp;année dernière</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="71"/>
        <source>Chosen &amp;dates</source>
        <translation>&amp;Dates choisies</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="83"/>
        <source>&amp;From:</source>
        <translation>D&amp;u&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="83"/>
        <source>&amp;To:</source>
        <translation>&amp;Jusqu’au&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="94"/>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="98"/>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canal&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="100"/>
        <source>All counselors</source>
        <translation>Tous les écoutant·es</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="103"/>
        <source>Cou&amp;nselor:</source>
        <translation>Éc&amp;outant·e&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="107"/>
        <source>All workstations</source>
        <translation>Tous les postes de travail</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="109"/>
        <source>{id} (records: {count})</source>
        <translation>{id} (fiches&#xa0;: {count})</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="113"/>
        <source>&amp;Workstation:</source>
        <translation>Poste d&amp;e travail&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="115"/>
        <source>Français</source>
        <translation>Français</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="116"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="118"/>
        <source>Report &amp;language:</source>
        <translation>&amp;Langue du rapport&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/choices.py" line="189"/>
        <source>The end date is before the start date. Choose an end date on or after the start date.</source>
        <translation>La date de fin est antérieure à la date de début. Choisissez une date de fin égale ou postérieure à la date de début.</translation>
    </message>
</context>
<context>
    <name>ReportSaving</name>
    <message>
        <location filename="../../ui/reports/saving.py" line="28"/>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <location filename="../../ui/reports/saving.py" line="42"/>
        <source>Replace the file</source>
        <translation>Remplacer le fichier</translation>
    </message>
    <message>
        <location filename="../../ui/reports/saving.py" line="43"/>
        <source>{path} already exists. Replace it?</source>
        <translation>{path} existe déjà. Le remplacer&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../ui/reports/saving.py" line="46"/>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <location filename="../../ui/reports/saving.py" line="52"/>
        <source>{path} is a folder. Choose a file name.</source>
        <translation>{path} est un dossier. Choisissez un nom de fichier.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/saving.py" line="58"/>
        <source>The folder {folder} does not exist. Choose another folder.</source>
        <translation>Le dossier {folder} n’existe pas. Choisissez un autre dossier.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/reports/view.py" line="62"/>
        <source>&amp;Sections:</source>
        <translation>&amp;Sections&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="65"/>
        <source>Sections</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="77"/>
        <location filename="../../ui/reports/view.py" line="181"/>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="85"/>
        <source>Chart</source>
        <translation>Graphique</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="141"/>
        <source>No report yet: choose a period, then Make report.</source>
        <translation>Pas encore de rapport&#xa0;: choisissez une période, puis Faire le rapport.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="154"/>
        <source>Report of {start} to {end}: {calls} calls.</source>
        <translation>Rapport du {start} au {end}&#xa0;: {calls} appels.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="161"/>
        <source>Channel: {channel}.</source>
        <translation>Canal&#xa0;: {channel}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="163"/>
        <source>Counselor: {name}.</source>
        <translation>Écoutant·e&#xa0;: {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="165"/>
        <source>Workstation: {id}.</source>
        <translation>Poste de travail&#xa0;: {id}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="167"/>
        <source>Training vault: the calls are not real.</source>
        <translation>Coffre-fort d’entraînement&#xa0;: les appels ne sont pas réels.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="193"/>
        <source>Table: {title}</source>
        <translation>Tableau&#xa0;: {title}</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="218"/>
        <source>hidden</source>
        <translation>masqué</translation>
    </message>
    <message>
        <location filename="../../ui/reports/view.py" line="220"/>
        <source>fewer than {n}, hidden</source>
        <translation>moins de {n}, masqué</translation>
    </message>
</context>
<context>
    <name>ReportsAction</name>
    <message>
        <location filename="../../ui/reports/actions.py" line="25"/>
        <source>&amp;Reports…</source>
        <translation>&amp;Rapports…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/actions.py" line="32"/>
        <source>Statistics of a period, as PDF or CSV ({key})</source>
        <translation>Statistiques d’une période, en PDF ou CSV ({key})</translation>
    </message>
</context>
<context>
    <name>ReportsDialog</name>
    <message>
        <location filename="../../ui/reports/dialog.py" line="67"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="88"/>
        <source>Make &amp;report</source>
        <translation>Faire le &amp;rapport</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="93"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="95"/>
        <source>&amp;Cancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="100"/>
        <source>Save &amp;PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="102"/>
        <source>Save CS&amp;V…</source>
        <translation>Enregistrer en CS&amp;V…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="104"/>
        <source>Cl&amp;ose</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="176"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="210"/>
        <location filename="../../ui/reports/dialog.py" line="289"/>
        <source>The report was saved to {path}.</source>
        <translation>Le rapport a été enregistré dans {path}.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="226"/>
        <source>The work stopped on an unexpected problem ({detail}).</source>
        <translation>Le travail s’est arrêté sur un problème inattendu ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="230"/>
        <location filename="../../ui/reports/dialog.py" line="286"/>
        <source>No file was written; the report is still here.</source>
        <translation>Aucun fichier n’a été écrit&#xa0;; le rapport est toujours là.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="236"/>
        <source>Cancelled. No file was written.</source>
        <translation>Annulé. Aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="238"/>
        <source>Cancelled. No report was made.</source>
        <translation>Annulé. Aucun rapport n’a été fait.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="261"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="275"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/user_form.py" line="115"/>
        <source>Reset a password</source>
        <translation>Réinitialiser un mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="118"/>
        <source>Choose a new password for “{name}”. Give it to the person directly; they can change it from the Account menu once logged in.</source>
        <translation>Choisissez un nouveau mot de passe pour «&#xa0;{name}&#xa0;». Transmettez-le directement à la personne&#xa0;; elle pourra le changer depuis le menu Compte une fois connectée.</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="124"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nouveau mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="125"/>
        <source>Con&amp;firm password:</source>
        <translation>&amp;Confirmer le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="127"/>
        <source>&amp;Reset password</source>
        <translation>&amp;Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="127"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="135"/>
        <source>The password of “{name}” was reset.</source>
        <translation>Le mot de passe de «&#xa0;{name}&#xa0;» a été réinitialisé.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../../ui/user_form.py" line="93"/>
        <source>Change role</source>
        <translation>Changer le rôle</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="94"/>
        <source>Choose the role of “{name}”.</source>
        <translation>Choisissez le rôle de «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="96"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="98"/>
        <source>&amp;Apply</source>
        <translation>A&amp;ppliquer</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="98"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/user_form.py" line="103"/>
        <source>The account “{name}” now has the role {role}.</source>
        <translation>Le compte «&#xa0;{name}&#xa0;» a désormais le rôle {role}.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/roles.py" line="16"/>
        <source>Counselor</source>
        <translation>Écoutant·e</translation>
    </message>
    <message>
        <location filename="../../ui/roles.py" line="18"/>
        <source>Supervisor</source>
        <translation>Superviseur·e</translation>
    </message>
    <message>
        <location filename="../../ui/roles.py" line="19"/>
        <source>Admin</source>
        <translation>Administrateur·rice</translation>
    </message>
</context>
<context>
    <name>SearchChoice</name>
    <message>
        <location filename="../../ui/intake/widgets.py" line="94"/>
        <source>Type a code or a name</source>
        <translation>Tapez un code ou un nom</translation>
    </message>
    <message>
        <location filename="../../ui/intake/widgets.py" line="163"/>
        <source>“{text}” is not one of the entries: type a code or choose a name.</source>
        <translation>«&#xa0;{text}&#xa0;» ne figure pas dans la liste&#xa0;: tapez un code ou choisissez un nom.</translation>
    </message>
</context>
<context>
    <name>SendBundleAction</name>
    <message>
        <location filename="../../ui/bundles/send.py" line="59"/>
        <source>&amp;Send records to the organisation…</source>
        <translation>&amp;Transmettre les fiches à l’organisation…</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="66"/>
        <source>Write the records made or changed since the last bundle to an encrypted file for the organisation ({key})</source>
        <translation>Écrire les fiches créées ou modifiées depuis le dernier lot dans un fichier chiffré pour l’organisation ({key})</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="82"/>
        <source>Send records to the organisation</source>
        <translation>Transmettre les fiches à l’organisation</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="110"/>
        <source>Writing the bundle…</source>
        <translation>Écriture du lot…</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="126"/>
        <source>Record bundles (*.cabundle)</source>
        <translation>Lots de fiches (*.cabundle)</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="141"/>
        <source>{records} records went into bundle {sequence}, encrypted for the organisation key {key}.</source>
        <translation>{records} fiches sont dans le lot {sequence}, chiffré pour la clé de l’organisation {key}.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="144"/>
        <source>The file: {path}</source>
        <translation>Le fichier&#xa0;: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="147"/>
        <source>The notes are in it.</source>
        <translation>Les notes y figurent.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="150"/>
        <source>Only the organisation can open it: hand it over as agreed with your supervisor.</source>
        <translation>Seule l’organisation peut l’ouvrir&#xa0;: transmettez-le comme convenu avec votre superviseur·e.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="159"/>
        <source>Bundle {sequence} written.</source>
        <translation>Lot {sequence} écrit.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="171"/>
        <source>The bundle could not be written: an unexpected problem ({detail}). Nothing was sent.</source>
        <translation>Le lot n’a pas pu être écrit&#xa0;: un problème inattendu ({detail}). Rien n’a été envoyé.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/send.py" line="174"/>
        <source>No bundle was written.</source>
        <translation>Aucun lot n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>Tables</name>
    <message>
        <location filename="../../ui/tables.py" line="24"/>
        <source>Column titles</source>
        <translation>Titres des colonnes</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <location filename="../../ui/transfer/actions.py" line="29"/>
        <source>&amp;Import records…</source>
        <translation>&amp;Importer des fiches…</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/actions.py" line="31"/>
        <source>&amp;Export records…</source>
        <translation>&amp;Exporter des fiches…</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/transfer/transfer_dialog.py" line="64"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/transfer_dialog.py" line="72"/>
        <location filename="../../ui/transfer/transfer_dialog.py" line="146"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/transfer_dialog.py" line="102"/>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Annulé. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/transfer_dialog.py" line="139"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/transfer_dialog.py" line="146"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/transfer_dialog.py" line="147"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/transfer_dialog.py" line="147"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/transfer/transfer_dialog.py" line="180"/>
        <source>The work stopped on an unexpected problem ({detail}). Nothing was changed.</source>
        <translation>Le travail s’est arrêté sur un problème inattendu ({detail}). Rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../ui/users_dialog.py" line="45"/>
        <location filename="../../ui/users_dialog.py" line="53"/>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="54"/>
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="54"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="55"/>
        <source>Column titles</source>
        <translation>Titres des colonnes</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="59"/>
        <source>Row numbers</source>
        <translation>Numéros des lignes</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="67"/>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="68"/>
        <source>Change &amp;role…</source>
        <translation>&amp;Changer le rôle…</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="69"/>
        <source>Re&amp;set password…</source>
        <translation>Réinitialiser le mot de &amp;passe…</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="70"/>
        <source>Re&amp;move…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="71"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="193"/>
        <source>Remove a user</source>
        <translation>Supprimer un compte</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="195"/>
        <source>Remove the account “{name}”? It will no longer be able to open the vault. This cannot be undone.</source>
        <translation>Supprimer le compte «&#xa0;{name}&#xa0;»&#xa0;? Ce compte ne pourra plus ouvrir le coffre-fort. Cette action est définitive.</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="198"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../ui/users_dialog.py" line="210"/>
        <source>The account “{name}” was removed.</source>
        <translation>Le compte «&#xa0;{name}&#xa0;» a été supprimé.</translation>
    </message>
</context>
<context>
    <name>WorkstationsDialog</name>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="63"/>
        <source>Workstations</source>
        <translation>Postes de travail</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="74"/>
        <source>The workstations whose bundles this vault accepts. Import bundles… reads the files they sent; a workstation not known yet is accepted only if you say so.</source>
        <translation>Les postes de travail dont ce coffre-fort accepte les lots. Importer des lots… lit les fichiers qu’ils ont envoyés&#xa0;; un poste encore inconnu n’est accepté que si vous le dites.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="83"/>
        <source>&amp;Workstations:</source>
        <translation>&amp;Postes de travail&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="89"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="92"/>
        <source>&amp;Result of the last import:</source>
        <translation>&amp;Résultat du dernier import&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="102"/>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importer des lots…</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="103"/>
        <source>Choose the bundle files to import</source>
        <translation>Choisir les fichiers de lots à importer</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="106"/>
        <location filename="../../ui/bundles/workstations.py" line="210"/>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="128"/>
        <source>In the order they were accepted; read-only.</source>
        <translation>Dans l’ordre où ils ont été acceptés&#xa0;; en lecture seule.</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="155"/>
        <source>Import bundles</source>
        <translation>Importer des lots</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="157"/>
        <source>Record bundles (*.cabundle);;All files (*)</source>
        <translation>Lots de fiches (*.cabundle);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="205"/>
        <source>Cancelling after the file being imported…</source>
        <translation>Annulation après le fichier en cours d’import…</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="210"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="211"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="211"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations.py" line="243"/>
        <source>The import stopped on an unexpected problem ({detail}). The files imported before it stay imported; the others were not.</source>
        <translation>L’import s’est arrêté sur un problème inattendu ({detail}). Les fichiers importés avant restent importés&#xa0;; les autres ne l’ont pas été.</translation>
    </message>
</context>
<context>
    <name>WorkstationsModel</name>
    <message>
        <location filename="../../ui/bundles/workstations_model.py" line="61"/>
        <source>Workstation</source>
        <translation>Poste de travail</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations_model.py" line="62"/>
        <source>Accepted on</source>
        <translation>Accepté le</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations_model.py" line="63"/>
        <source>Accepted by</source>
        <translation>Accepté par</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations_model.py" line="64"/>
        <source>Last bundle</source>
        <translation>Dernier lot</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations_model.py" line="65"/>
        <source>Last bundle made on</source>
        <translation>Dernier lot fait le</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations_model.py" line="66"/>
        <source>Records</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <location filename="../../ui/bundles/workstations_model.py" line="112"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
</TS>
