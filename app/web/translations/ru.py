"""Russian UI strings (English msgid -> Russian). `python -m app.web.translations.build` writes
ru/LC_MESSAGES/messages.po and .mo from this table and the extracted messages.pot."""
RU = {
    "missing": "отсутствует", "not valid": "недействителен", "Please send the form again": "Отправьте форму ещё раз",
    "Your session expired or the form was sent from another page (security token %(reason)s). Nothing was lost: check the form and send it again.":
        "Сеанс истёк или форма отправлена с другой страницы (ключ безопасности %(reason)s). Ничего не потеряно: проверьте форму и отправьте её ещё раз.",
    "The file is larger than 10 MB. Send a smaller file (save images in the draft at a lower resolution).":
        "Файл больше 10 МБ. Отправьте файл поменьше (сохраните изображения в черновике с меньшим разрешением).",
    "File too large": "Файл слишком большой", "Page not found": "Страница не найдена", "Method not allowed": "Метод не разрешён",
    "Bad request": "Неверный запрос", "Conflict": "Конфликт", "Unsupported media type": "Неподдерживаемый тип данных",
    "There is nothing at this address.": "По этому адресу ничего нет.",
    "This address does not accept this kind of request.": "Этот адрес не принимает такой запрос.",
    "Something went wrong": "Что-то пошло не так",
    "An unexpected error occurred. Your input is kept in the browser; try again.": "Произошла непредвиденная ошибка. Введённый текст сохранён в браузере; попробуйте ещё раз.",
    "Draft file (DOCX, TXT or MD, up to 10 MB)": "Файл черновика (DOCX, TXT или MD, до 10 МБ)",
    "…or paste the text": "…или вставьте текст", "Language of the draft": "Язык черновика",
    "Detect automatically": "Определить автоматически", "Russian": "Русский", "English": "Английский",
    "Speaker": "Кто говорит", "Position and organisation": "Должность и организация",
    "Quotation (without quotation marks)": "Цитата (без кавычек)", "Project name": "Название проекта",
    "Implementing organisations (one per line)": "Организации-исполнители (по одной в строке)",
    "Start date": "Дата начала", "End date": "Дата окончания", "Total budget": "Общий бюджет", "EU contribution": "Взнос ЕС",
    "Currency": "Валюта", "Funding": "Финансирование", "Funded by the EU": "Финансируется ЕС", "Co-funded by the EU": "Софинансируется ЕС",
    "Name": "Имя", "Role": "Должность", "Organisation": "Организация", "Phone": "Телефон", "E-mail": "Эл. почта",
    "Organisation (alternative text)": "Организация (альтернативный текст)",
    "Logo image (PNG or JPEG, up to 5 MB)": "Изображение логотипа (PNG или JPEG, до 5 МБ)",
    "Language of the release": "Язык релиза", "Release date": "Дата релиза", "City": "Город",
    "Embargo date (optional)": "Дата эмбарго (необязательно)", "Embargo time": "Время эмбарго",
    "Label (default: PRESS RELEASE)": "Метка (по умолчанию: ПРЕСС-РЕЛИЗ)", "Headline": "Заголовок",
    "Subheadline (optional)": "Подзаголовок (необязательно)", "Lead paragraph": "Лид",
    "Body (separate paragraphs with an empty line)": "Основной текст (абзацы разделяйте пустой строкой)",
    "Background (optional; the projects' facts are added automatically)": "Справка (необязательно; сведения о проектах добавляются автоматически)",
    "Organisation responsible for the content (named in the disclaimer)": "Организация, отвечающая за содержание (указывается в оговорке)",
    "EU boilerplate (leave empty for the official text)": "Справка о ЕС (оставьте пустым для официального текста)",
    "Quote": "Цитата", "Project": "Проект", "Contact": "Контакт",
    "International format, e.g. +7 701 744 4429": "В международном формате, например +7 701 744 4429",
    "Partner logo": "Логотип партнёра", "Remove this quote": "Удалить цитату", "Remove this project": "Удалить проект",
    "Remove this contact": "Удалить контакт", "Remove this logo": "Удалить логотип",
    "Errors": "Ошибки", "Warnings": "Предупреждения", "Notes": "Замечания", "error": "ошибка", "warning": "предупреждение", "note": "замечание",
    "Structure": "Структура", "EU visibility": "Видимость ЕС", "Spelling": "Орфография", "Grammar": "Грамматика",
    "Mixed alphabets": "Смешение алфавитов", "Figures": "Цифры", "Contacts": "Контакты", "Typography": "Типографика",
    "Consistency": "Единообразие", "Style": "Стиль", "Skip to content": "К содержанию", "Main": "Главное меню",
    "New release": "Новый релиз", "Releases": "Релизы", "Check a draft": "Проверить черновик", "Rules": "Правила",
    "Interface language": "Язык интерфейса",
    "press releases of EU-funded projects that follow the EU visibility rules": "пресс-релизы проектов, финансируемых ЕС, по правилам видимости ЕС",
    "API (OpenAPI)": "API (OpenAPI)",
    "Upload a press release (DOCX, TXT or Markdown) or paste its text. Pressroom shows every finding in place, grouped by severity, with reports and an annotated copy to download.":
        "Загрузите пресс-релиз (DOCX, TXT или Markdown) или вставьте его текст. Pressroom покажет каждое замечание прямо в тексте, сгруппирует их по важности и даст скачать отчёты и копию с примечаниями.",
    "The file is larger than %(n)s MB. Send a smaller file.": "Файл больше %(n)s МБ. Отправьте файл поменьше.",
    "The type is recognised from the content. Legacy .doc, PDF and RTF files are refused with an explanation.":
        "Тип определяется по содержимому. Старые файлы .doc, PDF и RTF не принимаются — с объяснением.",
    "Used when no file is chosen.": "Используется, если файл не выбран.", "Check": "Проверить", "Findings": "Замечания",
    "Language:": "Язык:", "Downloads": "Скачать", "Annotated DOCX": "DOCX с примечаниями",
    "Only safe fixes are applied; everything else stays for you to review.": "Применяются только безопасные исправления; остальное остаётся на ваше усмотрение.",
    "Auto-fixed file": "Исправленный файл", "Check another": "Проверить другой", "The draft with findings marked": "Черновик с отмеченными замечаниями",
    "No findings: the draft passes every rule.": "Замечаний нет: черновик проходит все правила.", "line": "строка",
    "Suggestion:": "Предложение:", "Home": "Главная", "History": "История", "Untitled": "Без заголовка",
    "current version": "текущая версия", "Back to the form": "Вернуться к форме", "Version": "Версия", "Saved": "Сохранено",
    "Kind": "Вид", "Actions": "Действия", "created": "создано", "autosave": "автосохранение", "saved": "сохранено",
    "restored": "восстановлено", "copied": "копия", "Restore this version": "Восстановить эту версию", "current": "текущая",
    "Press releases that follow the EU visibility rules": "Пресс-релизы по правилам видимости ЕС",
    "Fill in the facts once and get a Word document with the emblem, the funding statement and the disclaimer in place — or check a draft you already have.":
        "Заполните факты один раз и получите документ Word с эмблемой, заявлением о финансировании и оговоркой на своих местах — или проверьте готовый черновик.",
    "Write a release": "Написать релиз",
    "A form in sections with live checks, a preview and a DOCX download.": "Форма по разделам с проверками на лету, предпросмотром и скачиванием DOCX.",
    "Upload DOCX, TXT or MD and see every finding in place; download an annotated copy.": "Загрузите DOCX, TXT или MD и увидите каждое замечание в тексте; скачайте копию с примечаниями.",
    "Your releases": "Ваши релизы", "Drafts are saved as you type, with their history.": "Черновики сохраняются по мере ввода, вместе с историей.",
    "Preview": "Предпросмотр", "Laid out as in the DOCX.": "Вёрстка как в DOCX.",
    "the download is marked DRAFT until they are fixed.": "пока они не исправлены, документ помечается как DRAFT.",
    "Download DRAFT copy": "Скачать черновик (DRAFT)", "Download DOCX": "Скачать DOCX", "Preview of the document": "Предпросмотр документа",
    "Edit release": "Редактирование релиза", "version": "версия", "Not saved yet: saving starts as soon as you type.": "Ещё не сохранено: сохранение начнётся, как только вы начнёте печатать.",
    "Release actions": "Действия с релизом", "The version was restored.": "Версия восстановлена.",
    "Text typed here earlier was not saved to the server (the page was closed or the connection dropped).":
        "Текст, введённый здесь ранее, не был сохранён на сервере (страница была закрыта или пропала связь).",
    "Restore that text": "Восстановить этот текст", "Discard it": "Отбросить",
    "This release was changed elsewhere": "Этот релиз изменён в другом месте",
    "Another tab or person saved version %(v)s while you were editing. Your text is still in the form.":
        "Пока вы редактировали, другая вкладка или другой человек сохранил версию %(v)s. Ваш текст остался в форме.",
    "Their headline:": "Их заголовок:", "Keep my text (overwrite theirs)": "Оставить мой текст (перезаписать их)",
    "Load their version (mine stays in the backup)": "Загрузить их версию (моя останется в резервной копии)",
    "Save my text as a new release": "Сохранить мой текст как новый релиз", "Saving…": "Сохранение…", "Saved at": "Сохранено в",
    "Not saved: the server cannot be reached. Your text is kept in this browser and will be saved when the connection returns.":
        "Не сохранено: сервер недоступен. Текст хранится в этом браузере и будет сохранён, когда связь восстановится.",
    "Not saved: this release was changed elsewhere.": "Не сохранено: этот релиз изменён в другом месте.", "Save": "Сохранить",
    "Sections of the form": "Разделы формы", "Basics": "Основное", "Text": "Текст", "Quotes": "Цитаты",
    "Projects and funding": "Проекты и финансирование", "Organisation and logos": "Организация и логотипы",
    "As in the dateline, e.g. Astana": "Как в датлайне, например Астана",
    "Who, what, where, when. The dateline (city and date) is added before it.": "Кто, что, где, когда. Датлайн (город и дата) добавляется перед ним.",
    "Add a quote": "Добавить цитату", "Add a project": "Добавить проект", "Media contacts": "Контакты для СМИ",
    "Add a contact": "Добавить контакт", "Add a partner logo": "Добавить логотип партнёра",
    "Drafts are also saved automatically every few seconds.": "Черновики также сохраняются автоматически каждые несколько секунд.",
    "Checks": "Проверки", "Start typing: checks appear here.": "Начните печатать: здесь появятся проверки.",
    "Select a finding to go to its field.": "Выберите замечание, чтобы перейти к его полю.",
    "No findings: the release is ready.": "Замечаний нет: релиз готов.", "errors": "ошибок", "warnings": "предупреждений", "notes": "замечаний",
    "Deleted releases": "Удалённые релизы", "Deleted “%(t)s”.": "Удалён «%(t)s».", "Undo": "Отменить", "Search": "Поиск",
    "Sort by": "Сортировка", "Last edited": "Последнее изменение", "Newest": "Сначала новые", "Headline A–Z": "Заголовок А–Я",
    "Least recently edited": "Давно не изменявшиеся", "Apply": "Применить", "Back to releases": "К релизам", "Language": "Язык",
    "Restore": "Восстановить", "Duplicate": "Дублировать", "Delete": "Удалить", "No releases found.": "Релизы не найдены.",
    "No releases yet.": "Релизов пока нет.",
    "Every check Pressroom runs, with its explanation and examples. The same rule files drive the command line, the web form and the check page.":
        "Все проверки Pressroom с объяснениями и примерами. Одни и те же файлы правил работают в командной строке, в веб-форме и на странице проверки.",
    "Search rules": "Поиск правил", "Source:": "Источник:", "Flagged": "Отмечается", "Fine": "Допустимо", "No rule matches.": "Подходящих правил нет.",
    "Send the body as application/json.": "Отправьте тело запроса как application/json.", "The body is not valid JSON.": "Тело запроса — не корректный JSON.",
    "The body must be a JSON object.": "Тело запроса должно быть объектом JSON.",
    "'payload' must be a JSON object (the release).": "'payload' должен быть объектом JSON (релизом).",
    "'version' must be the version number the change is based on (an integer, 1 or more).": "'version' — номер версии, на которой основано изменение (целое число от 1).",
    "'language' must be auto, ru or en.": "'language' должен быть auto, ru или en.", "'text' must be a non-empty string.": "'text' должен быть непустой строкой.",
    "'format' must be txt or md.": "'format' должен быть txt или md.", "Send a 'file' or a non-empty 'text'.": "Отправьте 'file' или непустой 'text'.",
    "Send JSON ({\"text\": ...}) or multipart/form-data with a 'file'.": "Отправьте JSON ({\"text\": ...}) или multipart/form-data с 'file'.",
    "'report' must be json or sarif.": "'report' должен быть json или sarif.", "'messages' must be en or ru.": "'messages' должен быть en или ru.", "The draft is larger than 10 MB.": "Черновик больше 10 МБ.",
    "Release %(id)s not found.": "Релиз %(id)s не найден.", "The release is too large.": "Релиз слишком большой.",
    "This release was changed in another tab or by someone else (now version %(v)s). Choose which text to keep.":
        "Этот релиз изменён в другой вкладке или другим человеком (сейчас версия %(v)s). Выберите, какой текст оставить.",
    "'sort' must be one of: %(s)s.": "'sort' должен быть одним из: %(s)s.",
    "'snapshot' must be the id of a version from the history.": "'snapshot' — идентификатор версии из истории.",
    "Version %(s)s of release %(id)s not found.": "Версия %(s)s релиза %(id)s не найдена.",
    "The form could not be read; send it again.": "Не удалось прочитать форму; отправьте её ещё раз.",
    "The file is larger than 10 MB. Send a smaller file.": "Файл больше 10 МБ. Отправьте файл поменьше.",
    "The file %(name)s is empty.": "Файл %(name)s пуст.", "The text is longer than 10 MB.": "Текст длиннее 10 МБ.",
    "Choose a file or paste the text of the draft.": "Выберите файл или вставьте текст черновика.",
    "This check is no longer kept (drafts are kept for a day). Upload the draft again.": "Эта проверка больше не хранится (черновики хранятся сутки). Загрузите черновик ещё раз.",
    "Annotated copies are made for DOCX drafts only.": "Копии с примечаниями делаются только для черновиков DOCX.",
    "Automatic fixes are not available in this installation.": "Автоматические исправления в этой установке недоступны.",
    "This release does not exist or was deleted.": "Этого релиза нет или он удалён.", "(copy)": "(копия)", "Saved.": "Сохранено.",
    "Unknown release.": "Неизвестный релиз.",
    "This release was changed in another tab or window (version %(v)s). Your text is kept here: choose what to do.":
        "Этот релиз изменён в другой вкладке или окне (версия %(v)s). Ваш текст остался здесь: выберите, что сделать.",
    "This release was deleted. Save your text as a new release.": "Этот релиз удалён. Сохраните текст как новый релиз.",
    "Choose an image file.": "Выберите файл изображения.",
    "Annotated copies are not available in this installation.": "Копии с примечаниями в этой установке недоступны.",
    "The amount %(amount)s in the text matches no project's budget or EU contribution (%(known)s %(currency)s)":
        "Сумма %(amount)s в тексте не совпадает ни с одним бюджетом или взносом ЕС в полях проектов (%(known)s %(currency)s)",
    "The phone %(phone)s in the text is not the phone of any media contact":
        "Телефон %(phone)s в тексте не совпадает с телефонами контактов для СМИ",
    "The logo is larger than 5 MB. Save it at a lower resolution and upload it again.":
        "Логотип больше 5 МБ. Сохраните его с меньшим разрешением и загрузите ещё раз.",
    "This file is not a PNG or JPEG image. Save the logo as PNG or JPEG and upload it again.":
        "Этот файл не является изображением PNG или JPEG. Сохраните логотип в PNG или JPEG и загрузите ещё раз.",
    "a PNG image": "изображение PNG", "a JPEG image": "изображение JPEG", "a GIF image": "изображение GIF",
    "an image or media file": "изображение или медиафайл", "a gzip archive": "архив gzip", "a 7-Zip archive": "архив 7-Zip",
    "a RAR archive": "архив RAR", "a program": "программа", "a Windows program": "программа Windows",
    "%(name)s: this is %(what)s, not a draft; upload DOCX, TXT or MD":
        "%(name)s: это %(what)s, а не черновик; загрузите DOCX, TXT или MD",
    "%(name)s: the draft is empty": "%(name)s: черновик пуст",
}
PLURALS = {
    "%(num)d error": ("%(num)d ошибка", "%(num)d ошибки", "%(num)d ошибок"),
    "%(num)d warning": ("%(num)d предупреждение", "%(num)d предупреждения", "%(num)d предупреждений"),
    "%(num)d note": ("%(num)d замечание", "%(num)d замечания", "%(num)d замечаний"),
}

# the editor (issue 14)
RU.update({
    "Dictionary": "Словарь", "LanguageTool": "LanguageTool",
    "Words your organisation accepts: names, acronyms, terms. The spelling checks of every later check on this site skip them. Export them as a pressroom.toml file so that the command line agrees.":
        "Слова, которые принимает ваша организация: имена, аббревиатуры, термины. Проверка орфографии при всех следующих проверках на этом сайте их пропускает. Экспортируйте их в файл pressroom.toml, чтобы командная строка проверяла так же.",
    "Add a word": "Добавить слово", "Add": "Добавить", "Remove %(word)s": "Удалить «%(word)s»", "Remove": "Удалить",
    "Export and import": "Экспорт и импорт", "Export as pressroom.toml": "Экспортировать в pressroom.toml",
    "Import a pressroom.toml ([vocabulary] accept)": "Импортировать pressroom.toml ([vocabulary] accept)", "Import": "Импортировать",
    "Download PDF": "Скачать PDF", "Copy for e-mail": "Копировать для письма",
    "Copied: paste it into your e-mail.": "Скопировано: вставьте в письмо.",
    "The browser did not allow copying.": "Браузер не разрешил копирование.",
    "Save with these choices": "Сохранить с этим выбором", "Your text": "Ваш текст", "The other version": "Другая версия",
    "The form is empty: type the release first, then preview or download it.":
        "Форма пуста: сначала введите текст релиза, потом смотрите или скачивайте его.",
    "Fix all safe ones": "Исправить все безопасные",
    "Select a finding to go to its field. Alt+Shift+N and Alt+Shift+P move between findings.":
        "Выберите замечание, чтобы перейти к его полю. Alt+Shift+N и Alt+Shift+P — следующее и предыдущее замечание.",
    "Ignore": "Пропустить", "Turn this rule off for this release": "Отключить это правило для этого релиза",
    "Rule turned off for this release:": "Правило отключено для этого релиза:", "Add to dictionary": "Добавить в словарь",
    "Fix applied. Undo with Ctrl+Z.": "Исправлено. Отменить — Ctrl+Z.", "Fix undone.": "Исправление отменено.",
    "Finding ignored.": "Замечание пропущено.",
    "The text has changed: the checks are being refreshed.": "Текст изменился: проверка обновляется.",
    "No findings": "Замечаний нет", "Finding": "Замечание", "Required fields not filled in yet:": "Не заполнено обязательных полей:",
    "This is not a word that can be added to the dictionary.": "Это не слово, которое можно добавить в словарь.",
    "«%(word)s» was added to the dictionary.": "Слово «%(word)s» добавлено в словарь.",
    "Choose a pressroom.toml file.": "Выберите файл pressroom.toml.",
    "The file was not imported: %(reason)s": "Файл не импортирован: %(reason)s",
    "%(num)d new words imported.": "Импортировано новых слов: %(num)d.",
    "Nothing to save yet: the form is empty.": "Сохранять пока нечего: форма пуста.",
    "The PDF cannot be made right now (LibreOffice is not available). Download the DOCX instead.":
        "Сейчас не удаётся сделать PDF (LibreOffice недоступен). Скачайте DOCX.",
})
PLURALS.update({"%(num)d word": ("%(num)d слово", "%(num)d слова", "%(num)d слов"),
                "%(num)d field changed": ("изменено %(num)d поле", "изменено %(num)d поля", "изменено %(num)d полей")})

from app.web.translations.ru_review import RU_REVIEW  # noqa: E402 - the review pages (issue 15 part B)

RU.update(RU_REVIEW)

from app.web.translations.ru_branches import PLURALS_BRANCHES, RU_BRANCHES  # noqa: E402 - see there

for _k, _v in RU_BRANCHES.items():
    RU.setdefault(_k, _v)
for _k, _v in PLURALS_BRANCHES.items():
    PLURALS.setdefault(_k, _v)
# Messages of the hardening issue (12) that had no Russian text yet.
RU.update({
    "Unknown host": "Неизвестный адрес сервера",
    "This server does not answer to the host name %(host)s (allowed: %(allowed)s; set PRESSROOM_ALLOWED_HOSTS to add one).":
        "Этот сервер не отвечает на имя %(host)s (разрешены: %(allowed)s; добавьте имя в PRESSROOM_ALLOWED_HOSTS).",
    "The request is nested too deeply.": "В запросе слишком глубокая вложенность.",
    "An unexpected error occurred. Your input is kept in the browser; try again. If it happens again, report it with the request id %(id)s.":
        "Произошла непредвиденная ошибка. Введённое сохранено в браузере; попробуйте ещё раз. Если ошибка повторится, "
        "сообщите о ней с номером запроса %(id)s.",
    "%(name)s: the draft has %(n)s characters of text; the web app checks drafts of up to %(limit)s (check longer ones with `pressroom lint`)":
        "%(name)s: в черновике %(n)s знаков текста; веб-приложение проверяет черновики до %(limit)s знаков "
        "(более длинные проверяйте командой `pressroom lint`)",
    "%(name)s: checking this draft took longer than %(s)s seconds and was stopped; check it in parts, or with `pressroom lint`":
        "%(name)s: проверка этого черновика заняла больше %(s)s с и была остановлена; проверьте его по частям "
        "или командой `pressroom lint`",
    "Request id": "Номер запроса",
    "This request changes data: send the page's CSRF token in the X-CSRFToken header, or an API token in 'Authorization: Bearer …'.":
        "Этот запрос изменяет данные: передайте CSRF-токен страницы в заголовке X-CSRFToken или API-токен "
        "в 'Authorization: Bearer …'.",
    "The CSRF token is missing or not valid for this session; reload the page.":
        "CSRF-токена нет или он недействителен для этого сеанса; перезагрузите страницу.",
    "The JSON is nested too deeply (at most %(n)s levels).": "В JSON слишком глубокая вложенность (не больше %(n)s уровней).",
    "'%(field)s' contains a NUL character (\\u0000); remove it.": "В поле '%(field)s' есть символ NUL (\\u0000); удалите его.",
    "'%(field)s' contains a lone surrogate (an invalid \\ud800-\\udfff escape); send valid UTF-16 pairs or the characters themselves.":
        "В поле '%(field)s' есть одиночный суррогат (недопустимый код \\ud800-\\udfff); передайте правильные "
        "пары UTF-16 или сами символы.",
    "The logo was not accepted: %(error)s": "Логотип не принят: %(error)s",
})
