<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
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
    <name>Confirm</name>
    <message>
        <location filename="../../ui/confirm.py" line="24"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../ui/errors.py" line="41"/>
        <source>manage user accounts</source>
        <translation>gérer les comptes</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="43"/>
        <source>log calls</source>
        <translation>enregistrer des appels</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="45"/>
        <source>see and change every counselor&apos;s records</source>
        <translation>voir et modifier les fiches de toute l’équipe</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="47"/>
        <source>delete records</source>
        <translation>supprimer des fiches</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="48"/>
        <source>verify the vault</source>
        <translation>vérifier le coffre-fort</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="52"/>
        <source>Your role ({role}) does not allow you to {action}.</source>
        <translation>Votre rôle ({role}) ne vous permet pas de {action}.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="59"/>
        <source>Enter a user name.</source>
        <translation>Saisissez un nom d’utilisateur.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="61"/>
        <source>The user name is too long (at most {maximum} characters).</source>
        <translation>Le nom d’utilisateur est trop long ({maximum} caractères au plus).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="65"/>
        <source>The user name contains a control character or an unusual space.</source>
        <translation>Le nom d’utilisateur contient un caractère de contrôle ou une espace inhabituelle.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="69"/>
        <source>This role does not exist.</source>
        <translation>Ce rôle n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="71"/>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe sont différents.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="73"/>
        <source>Give a reason.</source>
        <translation>Indiquez un motif.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="75"/>
        <source>The reason is too long.</source>
        <translation>Le motif est trop long.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="76"/>
        <source>This entry is not accepted ({detail}).</source>
        <translation>Cette saisie n’est pas acceptée ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="84"/>
        <source>Unknown user name or wrong password.</source>
        <translation>Nom d’utilisateur inconnu ou mot de passe incorrect.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="88"/>
        <source>There is no vault in {folder}. Restore it from a backup, or start the program again to create a new one.</source>
        <translation>Il n’y a pas de coffre-fort dans {folder}. Restaurez-le depuis une sauvegarde, ou relancez le programme pour en créer un nouveau.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="94"/>
        <source>A vault already exists in {folder}; it was left untouched.</source>
        <translation>Un coffre-fort existe déjà dans {folder}&#xa0;; il n’a pas été modifié.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="98"/>
        <source>The vault file {path} is damaged or cannot be read ({detail}). It has not been changed. Restore it from a backup, or ask your administrator.</source>
        <translation>Le fichier du coffre-fort {path} est endommagé ou illisible ({detail}). Il n’a pas été modifié. Restaurez-le depuis une sauvegarde, ou demandez de l’aide à votre administrateur·rice.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="104"/>
        <source>The key file {path} is damaged or cannot be read ({detail}). It has not been changed. Restore it from a backup, or ask your administrator.</source>
        <translation>Le fichier des clés {path} est endommagé ou illisible ({detail}). Il n’a pas été modifié. Restaurez-le depuis une sauvegarde, ou demandez de l’aide à votre administrateur·rice.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="110"/>
        <source>This vault was written by a newer version of counselor-app (format {found}; this version reads up to format {supported}). Install the newer version to open it.</source>
        <translation>Ce coffre-fort a été écrit par une version plus récente de counselor-app (format {found}&#xa0;; cette version lit jusqu’au format {supported}). Installez la version plus récente pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="116"/>
        <source>The password must have at least {minimum} characters.</source>
        <translation>Le mot de passe doit comporter au moins {minimum} caractères.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="122"/>
        <source>There is no user named “{name}”.</source>
        <translation>Il n’existe aucun compte nommé «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="126"/>
        <source>A user named “{name}” already exists.</source>
        <translation>Un compte nommé «&#xa0;{name}&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="130"/>
        <source>The last admin cannot be removed or given another role.</source>
        <translation>Le dernier compte administrateur ne peut être ni supprimé ni changer de rôle.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="134"/>
        <source>The record is not complete or not valid: {fields}.</source>
        <translation>La fiche est incomplète ou invalide : {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="138"/>
        <source>This record does not exist or is not yours to see.</source>
        <translation>Cette fiche n’existe pas ou ne vous est pas accessible.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="142"/>
        <source>This record can no longer be changed: counselors may change their own records for {hours} hours. Ask a supervisor.</source>
        <translation>Cette fiche ne peut plus être modifiée : les écoutant·es peuvent modifier leurs fiches pendant {hours} heures. Adressez-vous à un·e superviseur·e.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="148"/>
        <source>You cannot remove your own account; ask another admin.</source>
        <translation>Vous ne pouvez pas supprimer votre propre compte&#xa0;; demandez-le à un autre administrateur ou à une autre administratrice.</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="151"/>
        <source>The operation failed ({detail}).</source>
        <translation>L’opération a échoué ({detail}).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="161"/>
        <source>A file could not be read or written: {path} ({reason}).</source>
        <translation>Un fichier n’a pas pu être lu ou écrit&#xa0;: {path} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/errors.py" line="164"/>
        <source>The vault database could not be read or written ({detail}). The operation was not completed. If this happens again, ask your administrator to restore the vault from a backup.</source>
        <translation>La base de données du coffre-fort n’a pas pu être lue ou écrite ({detail}). L’opération n’a pas été effectuée. Si cela se reproduit, demandez à votre administrateur·rice de restaurer le coffre-fort depuis une sauvegarde.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="25"/>
        <source>Create the vault</source>
        <translation>Créer le coffre-fort</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="28"/>
        <source>No vault was found in {folder}. Create it now with the first admin account. Keep the password safe: without it, or another admin&apos;s, the records cannot be opened.</source>
        <translation>Aucun coffre-fort n’a été trouvé dans {folder}. Créez-le maintenant avec le premier compte administrateur. Conservez bien le mot de passe&#xa0;: sans lui, ou sans celui d’un autre compte administrateur, les fiches d’appel ne peuvent pas être ouvertes.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="39"/>
        <source>User &amp;name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="40"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="41"/>
        <source>Con&amp;firm password:</source>
        <translation>&amp;Confirmer le mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="43"/>
        <source>&amp;Create vault</source>
        <translation>Cré&amp;er le coffre-fort</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="43"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="24"/>
        <source>Unlock counselor-app</source>
        <translation>Déverrouiller counselor-app</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="25"/>
        <source>Enter your user name and password to open the call log.</source>
        <translation>Saisissez votre nom d’utilisateur et votre mot de passe pour ouvrir le journal des appels.</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="32"/>
        <source>User &amp;name:</source>
        <translation>Nom d’&amp;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="33"/>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="34"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="34"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="39"/>
        <source>Enter your user name.</source>
        <translation>Saisissez votre nom d’utilisateur.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="38"/>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="40"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>&amp;Change password…</source>
        <translation>&amp;Changer le mot de passe…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44"/>
        <source>&amp;Users…</source>
        <translation>&amp;Utilisateurs…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="48"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="50"/>
        <source>&amp;Account</source>
        <translation>&amp;Compte</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="52"/>
        <source>A&amp;dmin</source>
        <translation>A&amp;dministration</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="64"/>
        <source>Lock: {shortcut}</source>
        <translation>Verrouiller&#xa0;: {shortcut}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="93"/>
        <source>Logged in as {name}, role {role}</source>
        <translation>Session de {name}, rôle {role}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>Welcome, {name}.
The call log will appear here.</source>
        <translation>Bienvenue, {name}.
Le journal des appels apparaîtra ici.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106"/>
        <source>Your password has been changed.</source>
        <translation>Votre mot de passe a été changé.</translation>
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
</TS>
