// cli/cmd_resolve.cpp — `qfq resolve FILE -o OUT`: the map after `extends`, in one file.

#include "cli/common.h"

namespace qfq::cli {

namespace {

int runResolve(const Args& args) {
    if (args.positional.size() != 1)
        return usageError(args, "indiquer un seul fichier", "give exactly one file");
    io::LoadResult result;
    if (!loadForCommand(args.positional[0], args, result)) return kExitInvalid;
    std::string out = args.has("-o") ? args.get("-o") : args.get("--output");
    return writeOutput(out, io::toJson(result.map).dump(2) + "\n", args.lang) ? kExitOk : kExitInvalid;
}

}  // namespace

extern const Command cmd_resolve;  // listed in main.cpp
const Command cmd_resolve = {
    "resolve", "write the map after \"extends\" as one standalone qfq-map/1 file",
    "Usage: qfq resolve FILE [-o OUT]\n\n"
    "Loads FILE with its bases, applies \"remove\", \"override\" and additions, and writes the\n"
    "merged map (no \"extends\"; texts as {\"fr\", \"en\"}). OUT \"-\" or no -o: standard\n"
    "output. Exit code 1 (and problems on stderr) if the map is invalid.\n\n"
    "Options:\n"
    "  -o, --output OUT  where to write (default: standard output)\n"
    "  --lang fr|en      language of the messages (default fr)\n\n"
    "Example:\n"
    "  qfq resolve data/territories/ariege.json -o build/ariege.resolved.json\n",
    "-o= --output=", runResolve};

}  // namespace qfq::cli
