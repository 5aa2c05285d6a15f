// ui/strings.h — every string the interface shows, in French and English, in one place.
//
// Data labels (actor names, kinds, levels) come from the map's own fr/en fields; this
// table only holds the interface's words. tr(S::Search) gives the current language.
#pragma once

#include "model/map.h"

namespace qfq::ui {

enum class S : int {
    AppTitle, SearchHint, SearchNoResult, Legend, Levels, ActorKinds, RelationKinds,
    Glossary, GlossaryFilter, ShowOnMap, Filters, Card, Close, Level, Kind, Territory,
    Description, Missions, Relations, Sources, Verified, Confidence, Sure, Unsure,
    FormerName, Alias, AliasOf, FormerNameOf, GlossaryEntry, Website, PathFrom, PathTo,
    NoPath, Map, OpenFile, Variant, VariantNone, Language, Loading, LayoutProgress,
    LoadErrors, KeepPreviousMap, Fit, ZoomIn, ZoomOut, FocusDepth, HideUnconnected,
    Everywhere, Incoming, Outgoing, Pinned, Unpin, Hubs, Help, HelpText, Actors,
    RelationsCount, Present, Share, Copied, Tour, Next, Previous, ConfidenceAll,
    ConfidenceSureOnly, Contact, ContactTopic, Expansion, Definition, SeeAlso, All, None, Export,
    Count
};

struct Entry {
    const char* fr;
    const char* en;
};

// Indexed by S; keep in the enum's order.
inline constexpr Entry kStrings[] = {
    {"Qui fait quoi ?", "Who does what?"},
    {"Rechercher un sigle, un acteur… (/)", "Search an acronym, an actor… (/)"},
    {"Aucun résultat", "No result"},
    {"Légende", "Legend"},
    {"Niveaux", "Levels"},
    {"Types d’acteurs", "Actor kinds"},
    {"Types de relations", "Relation kinds"},
    {"Glossaire", "Glossary"},
    {"Filtrer les sigles", "Filter acronyms"},
    {"Voir sur la carte", "Show on map"},
    {"Filtres", "Filters"},
    {"Fiche", "Card"},
    {"Fermer", "Close"},
    {"Niveau", "Level"},
    {"Type", "Kind"},
    {"Territoire", "Territory"},
    {"Description", "Description"},
    {"Missions", "Missions"},
    {"Relations", "Relations"},
    {"Sources", "Sources"},
    {"vérifié le", "verified"},
    {"Fiabilité", "Confidence"},
    {"sûr", "sure"},
    {"incertain", "unsure"},
    {"ancien nom", "former name"},
    {"autre nom", "alias"},
    {"autre nom de", "alias of"},
    {"ancien nom de", "former name of"},
    {"glossaire", "glossary"},
    {"Site web", "Website"},
    {"Chemin depuis…", "Path from…"},
    {"vers", "to"},
    {"Aucun chemin", "No path"},
    {"Carte", "Map"},
    {"Ouvrir un fichier…", "Open a file…"},
    {"Variante", "Variant"},
    {"(aucune)", "(none)"},
    {"Langue", "Language"},
    {"Chargement…", "Loading…"},
    {"Mise en page", "Layout"},
    {"Erreurs dans la carte", "Errors in the map"},
    {"La carte précédente reste affichée.", "The previous map stays on screen."},
    {"Tout voir", "Fit all"},
    {"Zoom avant", "Zoom in"},
    {"Zoom arrière", "Zoom out"},
    {"Voisinage (degrés)", "Neighbourhood (degrees)"},
    {"Masquer ce qui n’est pas relié à la sélection", "Hide what is not connected to the selection"},
    {"partout", "everywhere"},
    {"reçoit de", "from"},
    {"vers", "to"},
    {"épinglé", "pinned"},
    {"Désépingler", "Unpin"},
    {"Acteurs centraux", "Hubs"},
    {"Aide", "Help"},
    {"Tapez un sigle (ex. « erun ») ; cliquez un acteur pour sa fiche ; glissez pour déplacer "
     "la vue ; molette ou pincement pour zoomer ; Tab et flèches pour parcourir les acteurs ; "
     "Entrée ouvre la fiche ; Échap efface.",
     "Type an acronym (e.g. \"erun\"); click an actor for its card; drag to pan; wheel or pinch "
     "to zoom; Tab and arrows move between actors; Enter opens the card; Esc clears."},
    {"acteurs", "actors"},
    {"relations", "relations"},
    {"Présenter", "Present"},
    {"Partager", "Share"},
    {"Lien copié", "Link copied"},
    {"Visite guidée", "Guided tour"},
    {"Suivant", "Next"},
    {"Précédent", "Previous"},
    {"Tous", "All"},
    {"Sûrs seulement", "Sure only"},
    {"Qui contacter ?", "Whom to contact?"},
    {"Sujet", "Topic"},
    {"Développé", "Expansion"},
    {"Définition", "Definition"},
    {"Voir aussi", "See also"},
    {"Tout", "All"},
    {"Aucun", "None"},
    {"Exporter", "Export"},
};
static_assert(sizeof(kStrings) / sizeof(kStrings[0]) == size_t(S::Count),
              "kStrings must have one entry per S");

inline const char* tr(S s, Lang lang) {
    const Entry& e = kStrings[int(s)];
    return lang == Lang::Fr ? e.fr : e.en;
}

}  // namespace qfq::ui
