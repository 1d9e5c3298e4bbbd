function __solieu_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __solieu_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __solieu_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __solieu_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __solieu_parse_tokens -S
    set -l unparsed_tokens (__solieu_tokens -pc)
    switch $unparsed_tokens[1]
    case 'solieu'
        __solieu_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'ingest'
            __solieu_parse_subcommand -r 1 'db=' 'jobs=' 'quiet' 'verbose' 'null' 'force' 'max-size=' 'version' 'h/help'
        case 'search'
            __solieu_parse_subcommand 1 'province=' 'from=' 'to=' 'limit=' 'all' 'exact-ranking' 'format=' 'db=' 'version' 'h/help'
        case 'figures'
            __solieu_parse_subcommand 0 'kind=+' 'award=' 'recipient=' 'province=' 'period=' 'measure=' 'role=' 'doc=' 'limit=' 'all' 'format=' 'db=' 'version' 'h/help'
        case 'stats'
            __solieu_parse_subcommand 0 'kind=+' 'award=' 'recipient=' 'province=' 'period=' 'measure=' 'role=' 'doc=' 'group-by=' 'format=' 'db=' 'version' 'h/help'
        case 'show'
            __solieu_parse_subcommand 1 'format=' 'db=' 'version' 'h/help'
        case 'export'
            __solieu_parse_subcommand 0 'kind=+' 'award=' 'recipient=' 'province=' 'period=' 'measure=' 'role=' 'doc=' 'format=' 'out=' 'db=' 'version' 'h/help'
        case 'audit'
            __solieu_parse_subcommand 0 'doc=' 'province=' 'period=' 'only=' 'format=' 'out=' 'db=' 'version' 'h/help'
        case 'serve'
            __solieu_parse_subcommand 0 'host=' 'port=' 'token=' 'public' 'timeout=' 'workers=' 'db=' 'version' 'h/help'
        case 'article'
            __solieu_parse_subcommand -r 1 'format=' 'max-size=' 'version' 'h/help'
        case 'extract'
            __solieu_parse_subcommand -r 1 'format=' 'max-size=' 'version' 'h/help'
        case 'tokens'
            __solieu_parse_subcommand 1 'words' 'sentences' 'abbreviations' 'format=' 'version' 'h/help'
        case 'db'
            __solieu_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'check'
                __solieu_parse_subcommand 0 'db=' 'version' 'h/help'
            case 'migrate'
                __solieu_parse_subcommand 0 'db=' 'version' 'h/help'
            case 'status'
                __solieu_parse_subcommand 0 'format=' 'db=' 'version' 'h/help'
            end
        case 'fields'
            __solieu_parse_subcommand 0 'markdown' 'version' 'h/help'
        case 'help'
            __solieu_parse_subcommand -r 1 'version'
        end
    end
end

function __solieu_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __solieu_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __solieu_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __solieu_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__solieu_tokens -p)
    if test -z "$(__solieu_tokens -t)"
        set -l index (count (__solieu_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'solieu' -f
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'ingest' -d 'Ingest files and folders (recursively) into the index; \'-\' reads a list of paths from standard input.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'search' -d 'Full-text search: ranked documents with title, date, province and a highlighted snippet.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'figures' -d 'List figures matching the filters, with the sentence each one comes from.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'stats' -d 'Aggregate figures per group: sums of what may be added, the spread of the rest, and how many figures and documents.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'show' -d 'Print a stored article with its figures marked [like this]¹ and listed below it.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'export' -d 'Export figures with their document\'s metadata as CSV, JSON lines or JSON, for spreadsheets and notebooks.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'audit' -d 'Cross-check reported numbers inside each bulletin and across bulletins, with the sentences as evidence.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'serve' -d 'Serve the index to a browser and to programs: search, figures, stats, documents and audit pages, and a JSON API under /api/v1.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'article' -d 'Print the clean article (and its metadata) of each HTML or text file.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'extract' -d 'Print every figure (counts, percentages, money, dates, periods, document numbers, awards) of each file.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'tokens' -d 'Show the tokens (with kinds and offsets), words or sentences of a file\'s article text.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'db' -d 'Check, upgrade or describe the database file.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'fields' -d 'List the fields of a figure record (JSON, JSONL, CSV and the SQL view figure_view share them).'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu ingest" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu ingest" jobs' -l 'jobs' -d 'Worker threads (default: the number of cores).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu ingest" quiet' -l 'quiet' -d 'Print nothing but errors.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu ingest" verbose' -l 'verbose' -d 'List what became of each file (new, replaced, same article, unchanged, not a bulletin, failed), every warning (undecodable bytes, a charset that lied) and every skipped file type.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu ingest" null' -l 'null' -d 'With \'-\': the paths on standard input are separated by NUL bytes (find -print0), not lines.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu ingest" force' -l 'force' -d 'Store files that do not look like Vietnamese bulletins (not Vietnamese, no sentence, a word list) too.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu ingest" max-size' -l 'max-size' -d 'Refuse files larger than this many MB (default 64).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu ingest" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu ingest" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" province' -l 'province' -d 'Only documents about this province.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" from' -l 'from' -d 'Published on or after (YYYY, YYYY-MM or YYYY-MM-DD).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" to' -l 'to' -d 'Published on or before.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" limit' -l 'limit' -d 'At most this many rows (0: all).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" all' -l 'all' -d 'Every row, streamed (the same as --limit 0).'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" exact-ranking' -l 'exact-ranking' -d 'Rank with document frequencies counted over the whole index (FTS5 bm25) instead of estimated from the newest 1,024 documents: the same order on small indexes, slower on large ones.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" format' -l 'format' -d 'table, json, jsonl or csv.' -rfka 'table json jsonl csv'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu search" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures"' -l 'kind' -d 'Figure kind: quantity, percent, money, ratio, range, date, period, docref, award (repeat or comma-separate).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" award' -l 'award' -d 'Award title or part of one, any spelling ("Bằng khen", "huan chuong lao dong").' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" recipient' -l 'recipient' -d 'Recipient kind ("tập thể", "cá nhân", …).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" province' -l 'province' -d 'Province, before or after the 2025 reorganization.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" period' -l 'period' -d 'Period the figures lie within: 2018, 2018-H1, 2020-Q3, 2019-06, 2016/2020.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" measure' -l 'measure' -d 'Words the figure\'s measure contains, in any order, diacritics optional, abbreviations standing for their expansions ("nông thôn mới", "NTM", "ty le ho ngheo").' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" role' -l 'role' -d 'A percent\'s role: share, plan (against a plan or estimate) or change.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" doc' -l 'doc' -d 'One document: id, path or content-hash prefix.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" limit' -l 'limit' -d 'At most this many rows (0: all).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" all' -l 'all' -d 'Every row, streamed (the same as --limit 0).'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" format' -l 'format' -d 'table, json, jsonl or csv.' -rfka 'table json jsonl csv'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu figures" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats"' -l 'kind' -d 'Figure kind: quantity, percent, money, ratio, range, date, period, docref, award (repeat or comma-separate).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" award' -l 'award' -d 'Award title or part of one, any spelling ("Bằng khen", "huan chuong lao dong").' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" recipient' -l 'recipient' -d 'Recipient kind ("tập thể", "cá nhân", …).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" province' -l 'province' -d 'Province, before or after the 2025 reorganization.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" period' -l 'period' -d 'Period the figures lie within: 2018, 2018-H1, 2020-Q3, 2019-06, 2016/2020.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" measure' -l 'measure' -d 'Words the figure\'s measure contains, in any order, diacritics optional, abbreviations standing for their expansions ("nông thôn mới", "NTM", "ty le ho ngheo").' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" role' -l 'role' -d 'A percent\'s role: share, plan (against a plan or estimate) or change.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" doc' -l 'doc' -d 'One document: id, path or content-hash prefix.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" group-by' -l 'group-by' -d 'Comma-separated keys, e.g. province,year,award,recipient.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" format' -l 'format' -d 'table, json, jsonl or csv.' -rfka 'table json jsonl csv'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu stats" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu show" format' -l 'format' -d 'text or json.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu show" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu show" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export"' -l 'kind' -d 'Figure kind: quantity, percent, money, ratio, range, date, period, docref, award (repeat or comma-separate).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" award' -l 'award' -d 'Award title or part of one, any spelling ("Bằng khen", "huan chuong lao dong").' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" recipient' -l 'recipient' -d 'Recipient kind ("tập thể", "cá nhân", …).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" province' -l 'province' -d 'Province, before or after the 2025 reorganization.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" period' -l 'period' -d 'Period the figures lie within: 2018, 2018-H1, 2020-Q3, 2019-06, 2016/2020.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" measure' -l 'measure' -d 'Words the figure\'s measure contains, in any order, diacritics optional, abbreviations standing for their expansions ("nông thôn mới", "NTM", "ty le ho ngheo").' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" role' -l 'role' -d 'A percent\'s role: share, plan (against a plan or estimate) or change.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" doc' -l 'doc' -d 'One document: id, path or content-hash prefix.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" format' -l 'format' -d 'csv, jsonl or json.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" out' -l 'out' -d 'Write to this file (complete or not at all) instead of standard output; \'-\' is standard output.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu export" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu audit" doc' -l 'doc' -d 'One document: id, path or content-hash prefix.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu audit" province' -l 'province' -d 'Documents about this province (before or after 2025).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu audit" period' -l 'period' -d 'Documents whose period lies within this one (2018, 2018-H1, …).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu audit" only' -l 'only' -d 'Show only these findings: fails.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu audit" format' -l 'format' -d 'text, json or html.' -rfka 'text json html'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu audit" out' -l 'out' -d 'Write the report to this file (complete or not at all); \'-\' is standard output.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu audit" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu audit" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu audit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu serve" host' -l 'host' -d 'Address to listen on.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu serve" port' -l 'port' -d 'Port (0: any free port, printed at start).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu serve" token' -l 'token' -d 'Requests must carry this bearer token (at least 16 characters; default $SOLIEU_TOKEN).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu serve" public' -l 'public' -d 'Listen beyond loopback without a token.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu serve" timeout' -l 'timeout' -d 'Seconds a request\'s queries may run before they are stopped.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu serve" workers' -l 'workers' -d 'Queries run at once (more wait their turn, up to 64).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu serve" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu serve" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu serve" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu article" format' -l 'format' -d 'Output format: text (the article as a reader sees it) or json (text and metadata).' -rfka 'text json'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu article" max-size' -l 'max-size' -d 'Refuse files larger than this many MB (default 64).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu article" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu article" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu extract" format' -l 'format' -d 'jsonl (one JSON object per figure), table, json (one array per run) or csv (the columns of `solieu export`).' -rfka 'jsonl table json csv'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu extract" max-size' -l 'max-size' -d 'Refuse files larger than this many MB (default 64).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu extract" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu extract" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu tokens" words' -l 'words' -d 'Merge syllables into words (word segmentation).'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu tokens" sentences' -l 'sentences' -d 'One row per sentence instead of per token.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu tokens" abbreviations' -l 'abbreviations' -d 'The abbreviations the text defines for itself ("phong trào thi đua (PTTĐ)").'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu tokens" format' -l 'format' -d 'table or jsonl.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu tokens" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu tokens" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu db" -eq 1' -fa 'check' -d 'Run SQLite\'s integrity check and the search index\'s own check.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu db" -eq 1' -fa 'migrate' -d 'Upgrade the database to this version\'s schema.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_positional "solieu db" -eq 1' -fa 'status' -d 'Schema version, counts and size.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db check" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db check" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db migrate" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db migrate" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db migrate" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db status" format' -l 'format' -d 'text or json.' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db status" db' -l 'db' -d 'The solieu database file (default: $SOLIEU_DB, else ./solieu.db).' -rfka ''
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db status" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu db status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu fields" markdown' -l 'markdown' -d 'Print docs/records.md: the fields side by side in every output.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu fields" version' -l 'version' -d 'Show the version.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu fields" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'solieu' -n '__solieu_should_offer_completions_for_flags_or_options "solieu help" version' -l 'version' -d 'Show the version.'
