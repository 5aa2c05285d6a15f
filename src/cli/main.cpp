// cli/main.cpp — `qfq`, the command-line face of the engine.
//
// Contents
//   1. The command table
//   2. Help
//   3. main
//
// Each command lives in its own src/cli/cmd_NAME.cpp (see cli/common.h for the recipe); this
// file only dispatches. Exit codes: 0 ok, 1 invalid input, 2 usage error.

#include <iostream>
#include <string>
#include <vector>

#include "cli/common.h"

// ---------------------------------------------------------------------------
// 1. The command table: one line per command, in the order `qfq --help` lists them.
// ---------------------------------------------------------------------------

#define QFQ_COMMANDS(X) \
    X(validate)         \
    X(resolve)          \
    X(stats)            \
    X(audit)            \
    X(layout)           \
    X(search)           \
    X(focus)            \
    X(path)             \
    X(contact)          \
    X(export)           \
    X(import_csv)       \
    X(publish)

namespace qfq::cli {

#define QFQ_DECLARE(name) extern const Command cmd_##name;
QFQ_COMMANDS(QFQ_DECLARE)
#undef QFQ_DECLARE

#define QFQ_LIST(name) &cmd_##name,
const Command* const kCommands[] = {QFQ_COMMANDS(QFQ_LIST)};
#undef QFQ_LIST

// ---------------------------------------------------------------------------
// 2. Help
// ---------------------------------------------------------------------------

namespace {

const Command* findCommand(const std::string& name) {
    for (const Command* c : kCommands)
        if (name == c->name) return c;
    return nullptr;
}

void printUsage(std::ostream& out) {
    out << "qfq — Qui fait quoi ? maps of who does what in French digital education\n\n"
           "Usage: qfq COMMAND [OPTIONS] [ARGS]\n\nCommands:\n";
    for (const Command* c : kCommands) {
        std::string name = c->name;
        out << "  " << name << std::string(name.size() < 12 ? 12 - name.size() : 1, ' ') << c->summary
            << "\n";
    }
    out << "\nOptions for every command:\n"
           "  --lang fr|en  language of messages (default fr)\n"
           "  --json        machine-readable output\n"
           "  --help, -h    help for the command\n"
           "  --catalogue PATH  index.json (or its folder) for catalogue ids such as \"national\"\n"
           "                (default: the tool's own data/index.json)\n\n"
           "Exit codes: 0 ok, 1 invalid input, 2 usage error.\n"
           "More: qfq help COMMAND\n";
}

void printCommandHelp(const Command& c, std::ostream& out) {
    out << "qfq " << c.name << " — " << c.summary << "\n\n" << c.help;
}

int unknownCommand(const std::string& name) {
    std::vector<std::string> names;
    for (const Command* c : kCommands) names.push_back(c->name);
    std::string guess = closestWord(name, names);
    std::cerr << "qfq: unknown command \"" << name << "\"";
    if (!guess.empty()) std::cerr << " (did you mean \"" << guess << "\"?)";
    std::cerr << "\nCommands: " << [&] {
        std::string all;
        for (const std::string& n : names) all += (all.empty() ? "" : ", ") + n;
        return all;
    }() << "\nHelp: qfq --help\n";
    return kExitUsage;
}

}  // namespace

}  // namespace qfq::cli

// ---------------------------------------------------------------------------
// 3. main
// ---------------------------------------------------------------------------

int main(int argc, char** argv) {
    using namespace qfq::cli;
    try {
        if (argc < 2) {
            printUsage(std::cerr);
            return kExitUsage;
        }
        std::string first = argv[1];
        if (first == "--help" || first == "-h" || (first == "help" && argc == 2)) {
            printUsage(std::cout);
            return kExitOk;
        }
        if (first == "help") {
            const Command* c = findCommand(argv[2]);
            if (!c) return unknownCommand(argv[2]);
            printCommandHelp(*c, std::cout);
            return kExitOk;
        }
        const Command* c = findCommand(first);
        if (!c) return unknownCommand(first);
        Args args;
        if (!parseArgs(*c, argc, argv, 2, args)) return kExitUsage;
        if (args.help) {
            printCommandHelp(*c, std::cout);
            return kExitOk;
        }
        return c->run(args);
    } catch (const std::exception& e) {
        std::cerr << "qfq: internal error: " << e.what() << "\n";
        return kExitInvalid;
    }
}
