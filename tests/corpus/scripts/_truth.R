# R twin of _truth.py: write a corpus entry's .truth.json from inside a captured R script.
#
# capture.py tells the script where (MLOP_CORPUS_TRUTH), how it was run (MLOP_CORPUS_MODE) and the
# command line (MLOP_CORPUS_COMMAND).  Run by hand, without capture.py, nothing is written.
# Usage:  source(file.path(dirname(script), "_truth.R")); s <- truth_series();
#         s <- truth_add(s, "ValidDeviance", step, NA, value); truth_write(library=..., ...)
# Numbers are written with the fewest of 15/16/17 significant digits that read back exactly.

ILLUSTRATIVE <- paste0(
  " [Quoted example lines in these notes show the SHAPE of the output; their numbers may be ",
  "illustrative - the console file and the series above are the facts.]")

truth_num <- function(x) {
  if (is.null(x) || length(x) == 0) return("null")
  x <- as.numeric(x)
  if (is.nan(x)) return("\"nan\"")
  if (is.na(x)) return("null")
  if (is.infinite(x)) return(if (x > 0) "\"inf\"" else "\"-inf\"")
  if (x == round(x) && abs(x) < 1e15) return(sprintf("%.1f", x))
  for (d in 15:17) {
    s <- sprintf(paste0("%.", d, "g"), x)
    if (as.numeric(s) == x) return(s)
  }
  s
}

truth_series <- function() list()

truth_add <- function(s, name, step, epoch, value) {
  step_s <- if (is.null(step) || is.na(step)) "null" else sprintf("%d", as.integer(step))
  epoch_s <- if (is.null(epoch) || is.na(epoch)) "null" else truth_num(epoch)
  pt <- structure(paste0("[", step_s, ", ", epoch_s, ", ", truth_num(value), "]"), class = "json")
  if (is.null(s[[name]])) s[[name]] <- list(points = list())
  s[[name]]$points[[length(s[[name]]$points) + 1]] <- pt
  s
}

truth_write <- function(library, script, record, step_kind, series, extra_ok = character(0),
                        not_printed = character(0), notes = "") {
  path <- Sys.getenv("MLOP_CORPUS_TRUTH")
  if (path == "") return(invisible(NULL))
  cmd <- Sys.getenv("MLOP_CORPUS_COMMAND")
  if (cmd == "") cmd <- paste(commandArgs(), collapse = " ")
  mode <- Sys.getenv("MLOP_CORPUS_MODE")
  if (mode == "") mode <- "pipe"
  body <- list(library = library, script = script, command = cmd, mode = mode, record = record,
               step_kind = step_kind, series = series, extra_ok = I(extra_ok),
               not_printed = I(not_printed), notes = paste0(notes, ILLUSTRATIVE))
  txt <- jsonlite::toJSON(body, auto_unbox = TRUE, pretty = 1, json_verbatim = TRUE)
  # one point per line: [step, epoch, value], as _truth.py writes them
  txt <- paste(txt, collapse = "\n")
  re <- "\\[\n\\s*([^\\[\\]{}]*?)\n\\s*\\]"
  m <- gregexpr(re, txt, perl = TRUE)
  regmatches(txt, m) <- list(vapply(regmatches(txt, m)[[1]], function(x) {
    inner <- sub("^\\[\\s*", "", sub("\\s*\\]$", "", x))
    paste0("[", gsub("\\s*\n\\s*", " ", inner), "]")
  }, ""))
  writeLines(txt, path)
}
