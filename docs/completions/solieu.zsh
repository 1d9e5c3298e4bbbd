#compdef solieu

__solieu_complete() {
    local -ar non_empty_completions=("${@:#(|:*)}")
    local -ar empty_completions=("${(M)@:#(|:*)}")
    _describe -V '' non_empty_completions -- empty_completions -P $'\'\''
}

__solieu_custom_complete() {
    local -a completions
    completions=("${(@f)"$("${command_name}" "${@}" "${command_line[@]}")"}")
    if [[ "${#completions[@]}" -gt 1 ]]; then
        __solieu_complete "${completions[@]:0:-1}"
    fi
}

__solieu_cursor_index_in_current_word() {
    if [[ -z "${QIPREFIX}${IPREFIX}${PREFIX}" ]]; then
        printf 0
    else
        printf %s "${#${(z)LBUFFER}[-1]}"
    fi
}

_solieu() {
    emulate -RL zsh -G
    setopt extendedglob nullglob numericglobsort
    unsetopt aliases banghist

    local -xr SAP_SHELL=zsh
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(builtin emulate zsh -c 'printf %s "${ZSH_VERSION}"')"
    local -r SAP_SHELL_VERSION

    local context state state_descr line
    local -A opt_args

    local -r command_name="${words[1]}"
    local -ar command_line=("${words[@]}")
    local -ir current_word_index="$((CURRENT - 1))"

    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'ingest:Ingest files and folders (recursively) into the index; '\''-'\'' reads a list of paths from standard input.'
            'search:Full-text search: ranked documents with title, date, province and a highlighted snippet.'
            'figures:List figures matching the filters, with the sentence each one comes from.'
            'stats:Aggregate figures per group: sums of what may be added, the spread of the rest, and how many figures and documents.'
            'show:Print a stored article with its figures marked [like this]¹ and listed below it.'
            'export:Export figures with their document'\''s metadata as CSV, JSON lines or JSON, for spreadsheets and notebooks.'
            'audit:Cross-check reported numbers inside each bulletin and across bulletins, with the sentences as evidence.'
            'serve:Serve the index to a browser and to programs: search, figures, stats, documents and audit pages, and a JSON API under /api/v1.'
            'article:Print the clean article (and its metadata) of each HTML or text file.'
            'extract:Print every figure (counts, percentages, money, dates, periods, document numbers, awards) of each file.'
            'tokens:Show the tokens (with kinds and offsets), words or sentences of a file'\''s article text.'
            'db:Check, upgrade or describe the database file.'
            'fields:List the fields of a figure record (JSON, JSONL, CSV and the SQL view figure_view share them).'
            'help:Show subcommand help information.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        ingest|search|figures|stats|show|export|audit|serve|article|extract|tokens|db|fields|help)
            "_solieu_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_solieu_ingest() {
    local -i ret=1
    local -ar arg_specs=(
        '*:inputs:'
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--jobs[Worker threads (default\: the number of cores).]:jobs:'
        '--quiet[Print nothing but errors.]'
        '--verbose[List what became of each file (new, replaced, same article, unchanged, not a bulletin, failed), every warning (undecodable bytes, a charset that lied) and every skipped file type.]'
        '--null[With '\''-'\''\: the paths on standard input are separated by NUL bytes (find -print0), not lines.]'
        '--force[Store files that do not look like Vietnamese bulletins (not Vietnamese, no sentence, a word list) too.]'
        '--max-size[Refuse files larger than this many MB (default 64).]:max-size:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_search() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'jsonl' 'csv')
    local -ar arg_specs=(
        ':query:'
        '--province[Only documents about this province.]:province:'
        '--from[Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).]:from:'
        '--to[Published on or before.]:to:'
        '--limit[At most this many rows (0\: all).]:limit:'
        '--all[Every row, streamed (the same as --limit 0).]'
        '--exact-ranking[Rank with document frequencies counted over the whole index (FTS5 bm25) instead of estimated from the newest 1,024 documents\: the same order on small indexes, slower on large ones.]'
        '--format[table, json, jsonl or csv.]:format:{__solieu_complete "${___format[@]}"}'
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_figures() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'jsonl' 'csv')
    local -ar arg_specs=(
        '*--kind[Figure kind\: quantity, percent, money, ratio, range, date, period, docref, award (repeat or comma-separate).]:kind:'
        '--award[Award title or part of one, any spelling ("Bằng khen", "huan chuong lao dong").]:award:'
        '--recipient[Recipient kind ("tập thể", "cá nhân", …).]:recipient:'
        '--province[Province, before or after the 2025 reorganization.]:province:'
        '--period[Period the figures lie within\: 2018, 2018-H1, 2020-Q3, 2019-06, 2016/2020.]:period:'
        '--measure[Words the figure'\''s measure contains, in any order, diacritics optional, abbreviations standing for their expansions ("nông thôn mới", "NTM", "ty le ho ngheo").]:measure:'
        '--role[A percent'\''s role\: share, plan (against a plan or estimate) or change.]:role:'
        '--doc[One document\: id, path or content-hash prefix.]:doc:'
        '--limit[At most this many rows (0\: all).]:limit:'
        '--all[Every row, streamed (the same as --limit 0).]'
        '--format[table, json, jsonl or csv.]:format:{__solieu_complete "${___format[@]}"}'
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_stats() {
    local -i ret=1
    local -ar ___format=('table' 'json' 'jsonl' 'csv')
    local -ar arg_specs=(
        '*--kind[Figure kind\: quantity, percent, money, ratio, range, date, period, docref, award (repeat or comma-separate).]:kind:'
        '--award[Award title or part of one, any spelling ("Bằng khen", "huan chuong lao dong").]:award:'
        '--recipient[Recipient kind ("tập thể", "cá nhân", …).]:recipient:'
        '--province[Province, before or after the 2025 reorganization.]:province:'
        '--period[Period the figures lie within\: 2018, 2018-H1, 2020-Q3, 2019-06, 2016/2020.]:period:'
        '--measure[Words the figure'\''s measure contains, in any order, diacritics optional, abbreviations standing for their expansions ("nông thôn mới", "NTM", "ty le ho ngheo").]:measure:'
        '--role[A percent'\''s role\: share, plan (against a plan or estimate) or change.]:role:'
        '--doc[One document\: id, path or content-hash prefix.]:doc:'
        '--group-by[Comma-separated keys, e.g. province,year,award,recipient.]:group-by:'
        '--format[table, json, jsonl or csv.]:format:{__solieu_complete "${___format[@]}"}'
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_show() {
    local -i ret=1
    local -ar arg_specs=(
        ':document:'
        '--format[text or json.]:format:'
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_export() {
    local -i ret=1
    local -ar arg_specs=(
        '*--kind[Figure kind\: quantity, percent, money, ratio, range, date, period, docref, award (repeat or comma-separate).]:kind:'
        '--award[Award title or part of one, any spelling ("Bằng khen", "huan chuong lao dong").]:award:'
        '--recipient[Recipient kind ("tập thể", "cá nhân", …).]:recipient:'
        '--province[Province, before or after the 2025 reorganization.]:province:'
        '--period[Period the figures lie within\: 2018, 2018-H1, 2020-Q3, 2019-06, 2016/2020.]:period:'
        '--measure[Words the figure'\''s measure contains, in any order, diacritics optional, abbreviations standing for their expansions ("nông thôn mới", "NTM", "ty le ho ngheo").]:measure:'
        '--role[A percent'\''s role\: share, plan (against a plan or estimate) or change.]:role:'
        '--doc[One document\: id, path or content-hash prefix.]:doc:'
        '--format[csv, jsonl or json.]:format:'
        '--out[Write to this file (complete or not at all) instead of standard output; '\''-'\'' is standard output.]:out:'
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_audit() {
    local -i ret=1
    local -ar ___format=('text' 'json' 'html')
    local -ar arg_specs=(
        '--doc[One document\: id, path or content-hash prefix.]:doc:'
        '--province[Documents about this province (before or after 2025).]:province:'
        '--period[Documents whose period lies within this one (2018, 2018-H1, …).]:period:'
        '--only[Show only these findings\: fails.]:only:'
        '--format[text, json or html.]:format:{__solieu_complete "${___format[@]}"}'
        '--out[Write the report to this file (complete or not at all); '\''-'\'' is standard output.]:out:'
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_serve() {
    local -i ret=1
    local -ar arg_specs=(
        '--host[Address to listen on.]:host:'
        '--port[Port (0\: any free port, printed at start).]:port:'
        '--token[Requests must carry this bearer token (at least 16 characters; default $SOLIEU_TOKEN).]:token:'
        '--public[Listen beyond loopback without a token.]'
        '--timeout[Seconds a request'\''s queries may run before they are stopped.]:timeout:'
        '--workers[Queries run at once (more wait their turn, up to 64).]:workers:'
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_article() {
    local -i ret=1
    local -ar ___format=('text' 'json')
    local -ar arg_specs=(
        '*:inputs:'
        '--format[Output format\: text (the article as a reader sees it) or json (text and metadata).]:format:{__solieu_complete "${___format[@]}"}'
        '--max-size[Refuse files larger than this many MB (default 64).]:max-size:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_extract() {
    local -i ret=1
    local -ar ___format=('jsonl' 'table' 'json' 'csv')
    local -ar arg_specs=(
        '*:inputs:'
        '--format[jsonl (one JSON object per figure), table, json (one array per run) or csv (the columns of `solieu export`).]:format:{__solieu_complete "${___format[@]}"}'
        '--max-size[Refuse files larger than this many MB (default 64).]:max-size:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_tokens() {
    local -i ret=1
    local -ar arg_specs=(
        ':file:'
        '--words[Merge syllables into words (word segmentation).]'
        '--sentences[One row per sentence instead of per token.]'
        '--abbreviations[The abbreviations the text defines for itself ("phong trào thi đua (PTTĐ)").]'
        '--format[table or jsonl.]:format:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_db() {
    local -i ret=1
    local -ar arg_specs=(
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
        '(-): :->command'
        '(-)*:: :->arg'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0
    case "${state}" in
    command)
        local -ar subcommands=(
            'check:Run SQLite'\''s integrity check and the search index'\''s own check.'
            'migrate:Upgrade the database to this version'\''s schema.'
            'status:Schema version, counts and size.'
        )
        _describe -V subcommand subcommands && ret=0
        ;;
    arg)
        case "${words[1]}" in
        check|migrate|status)
            "_solieu_db_${words[1]}" && ret=0
            ;;
        esac
        ;;
    esac

    return "${ret}"
}

_solieu_db_check() {
    local -i ret=1
    local -ar arg_specs=(
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_db_migrate() {
    local -i ret=1
    local -ar arg_specs=(
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_db_status() {
    local -i ret=1
    local -ar arg_specs=(
        '--format[text or json.]:format:'
        '--db[The solieu database file (default\: $SOLIEU_DB, else ./solieu.db).]:path:'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_fields() {
    local -i ret=1
    local -ar arg_specs=(
        '--markdown[Print docs/records.md\: the fields side by side in every output.]'
        '--version[Show the version.]'
        '(-h --help)'{-h,--help}'[Show help information.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

_solieu_help() {
    local -i ret=1
    local -ar arg_specs=(
        '*:subcommands:'
        '--version[Show the version.]'
    )
    _arguments -w -s -S : "${arg_specs[@]}" && ret=0

    return "${ret}"
}

if [[ "${funcstack[1]}" = _solieu ]]; then
    _solieu "${@}"
else
    compdef _solieu solieu
fi
