// Time per LanguageTool rule (issue 13), run by bench/run.py's languagetool part:
//
//   java -cp "$LT_HOME/lib-6.7/*" bench/LtRuleTimes.java LANG WARM SENTENCES.txt > times.json
//
// One JLanguageTool of LANG (e.g. ru-RU) in this JVM, the JVM flags of the server. The first WARM
// lines of SENTENCES.txt warm it up (whole checks, so the JIT compiles what a warm server runs);
// every later line is then analysed once (tokenising, tagging, disambiguation: timed) and each
// active rule is timed on it with System.nanoTime (after untimed calls on five warm-up sentences,
// so a rule's lazy set-up is not counted), as LanguageTool's own Tools.profileRulesOnLine
// (the command line's --profile) does, but without re-analysing the sentence for every rule.
// Text-level rules get the measured sentences as one text. Prints JSON: sentences, the whole
// check of each measured sentence, analysis, and per rule the total milliseconds and matches.
import org.languagetool.AnalyzedSentence;
import org.languagetool.JLanguageTool;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.TextLevelRule;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class LtRuleTimes {
  public static void main(String[] args) throws Exception {
    String lang = args[0];
    int warm = Integer.parseInt(args[1]);
    List<String> lines = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    JLanguageTool lt = new JLanguageTool(Languages.getLanguageForShortCode(lang));
    lt.check("Warm.");
    long initNs = System.nanoTime() - t0;
    for (int i = 0; i < Math.min(warm, lines.size()); i++) {
      lt.check(lines.get(i));
    }
    List<String> measured = lines.subList(Math.min(warm, lines.size()), lines.size());
    long checkNs = 0;
    for (String s : measured) {
      long t = System.nanoTime();
      lt.check(s);
      checkNs += System.nanoTime() - t;
    }
    List<AnalyzedSentence> analysed = new ArrayList<>();
    long t = System.nanoTime();
    for (String s : measured) {
      analysed.add(lt.getAnalyzedSentence(s));
    }
    long analyseNs = System.nanoTime() - t;
    List<AnalyzedSentence> warmed = new ArrayList<>();
    for (int i = 0; i < Math.min(5, warm); i++) {
      warmed.add(lt.getAnalyzedSentence(lines.get(i)));
    }
    List<Rule> rules = lt.getAllActiveRules();
    StringBuilder out = new StringBuilder();
    out.append("{\"language\": \"").append(lang).append("\", \"sentences\": ").append(measured.size())
       .append(", \"warmup_sentences\": ").append(Math.min(warm, lines.size()))
       .append(", \"init_ms\": ").append(initNs / 1e6)
       .append(", \"check_ms_total\": ").append(checkNs / 1e6)
       .append(", \"analyse_ms_total\": ").append(analyseNs / 1e6)
       .append(", \"active_rules\": ").append(rules.size()).append(", \"rules\": [");
    boolean first = true;
    for (Rule rule : rules) {
      int matches = 0;
      long rt;
      // untimed first calls on warm-up sentences: a rule's lazy set-up (word lists, patterns) is not its time per sentence
      if (rule instanceof TextLevelRule) {
        ((TextLevelRule) rule).match(warmed);
      } else {
        for (AnalyzedSentence as : warmed) {
          rule.match(as);
        }
      }
      if (rule instanceof TextLevelRule) {
        long a = System.nanoTime();
        matches += ((TextLevelRule) rule).match(analysed).length;
        rt = System.nanoTime() - a;
      } else {
        rt = 0;
        for (AnalyzedSentence as : analysed) {
          long a = System.nanoTime();
          matches += rule.match(as).length;
          rt += System.nanoTime() - a;
        }
      }
      out.append(first ? "" : ", ").append("{\"id\": \"").append(rule.getId().replace("\"", ""))
         .append("\", \"ms\": ").append(rt / 1e6).append(", \"matches\": ").append(matches)
         .append(", \"text_level\": ").append(rule instanceof TextLevelRule).append("}");
      first = false;
    }
    out.append("]}");
    System.out.println(out);
  }
}
