# Sourced by the shell tests: look into a database with Xapian's own tools (xapian-tools),
# independently of the code under test.
#
#   db_documents DB         prints the number of documents (nothing if it does not open)
#   db_ids DB               prints the unique-id terms (Q...), one per line, sorted
#   db_duplicate_ids DB     prints the unique-id terms held by more than one document
#   db_consistency DB       xapian-check; returns its status, its report on stdout
#   db_problems DB          prints one line per problem: does not open, inconsistent,
#                           duplicate ids, documents without an id; nothing when all is well

db_documents() {
    xapian-delve "$1" 2>/dev/null | sed -n 's/^number of documents = //p'
}

db_ids() {
    xapian-delve -A Q -1 "$1" 2>/dev/null | tail -n +2 | LC_ALL=C sort
}

db_duplicate_ids() {
    # "Qterm termfreq" per line after a header; the term itself may contain spaces.
    xapian-delve -A Q -v -1 "$1" 2>/dev/null | awk 'NR > 1 && $NF != 1'
}

db_consistency() {
    xapian-check "$1" 2>&1
}

db_problems() {
    _documents=$(db_documents "$1")
    if [ -z "$_documents" ]; then
        echo "the database does not open: $(xapian-delve "$1" 2>&1 | head -n 1)"
        return
    fi
    if ! _report=$(db_consistency "$1"); then
        echo "xapian-check finds problems: $(echo "$_report" | tail -n 3 | tr '\n' ' ')"
    fi
    _duplicates=$(db_duplicate_ids "$1" | head -n 3)
    [ -z "$_duplicates" ] || echo "duplicate ids: $_duplicates"
    _ids=$(db_ids "$1" | wc -l)
    [ "$_ids" -eq "$_documents" ] || echo "$_documents documents but $_ids ids"
}
