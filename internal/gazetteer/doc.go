// Package gazetteer knows the places drone reports name: countries, seas, the regions and
// districts of Russia and Ukraine, their settlements, and foreign cities, with names in
// English, Russian and Ukrainian. It resolves a name in any case form and finds every place
// name in a running text.
package gazetteer
