"""Every message the checker can give, in Vietnamese and English, keyed by a stable code."""

from __future__ import annotations

# code -> {lang: (what is wrong, how to fix it)}; `{name}` placeholders come from Diagnostic.params.
CATALOGUE: dict[str, dict[str, tuple[str, str]]] = {
    "file.too_large": {
        "vi": ("tệp quá lớn ({size} byte, tối đa {limit})", "hãy rút gọn nội dung, ảnh để thành tệp riêng"),
        "en": ("file too large ({size} bytes, at most {limit})", "shorten it; photos go in files of their own"),
    },
    "file.binary": {
        "vi": ("tệp không phải văn bản (có byte NUL)", "hãy lưu lại dưới dạng văn bản Markdown UTF-8"),
        "en": ("not a text file (contains NUL bytes)", "save it as UTF-8 Markdown text"),
    },
    "file.encoding": {
        "vi": ("tệp không phải UTF-8 (byte lỗi ở vị trí {offset})", "hãy lưu lại với bảng mã UTF-8"),
        "en": ("file is not UTF-8 (bad byte at offset {offset})", "save it with UTF-8 encoding"),
    },
    "file.unreadable": {
        "vi": ("không đọc được tệp ({reason})", "hãy kiểm tra quyền truy cập và đường dẫn"),
        "en": ("cannot read the file ({reason})", "check its permissions and path"),
    },
    "file.no_front_matter": {
        "vi": ("thiếu phần khai báo YAML ở đầu tệp", "dòng đầu tiên phải là '---', rồi các trường, rồi '---'"),
        "en": ("no YAML front matter", "the first line must be '---', then the fields, then '---'"),
    },
    "file.unclosed_front_matter": {
        "vi": ("phần khai báo YAML không có dòng '---' kết thúc", "hãy thêm một dòng '---' sau trường cuối"),
        "en": ("the front matter has no closing '---'", "add a line '---' after the last field"),
    },
    "file.misplaced": {
        "vi": ("tệp phải nằm trong thư mục của một đơn vị: exemplars/<mã-đơn-vị>/<slug>.md",
               "hãy chuyển tệp vào exemplars/{unit}/"),
        "en": ("the file must be in a unit's folder: exemplars/<unit-id>/<slug>.md",
               "move it into exemplars/{unit}/"),
    },
    "file.folder_unit": {
        "vi": ("tệp nằm trong thư mục '{folder}' nhưng khai báo unit '{unit}'",
               "hãy chuyển tệp vào exemplars/{unit}/ hoặc sửa unit thành '{folder}'"),
        "en": ("the file is in folder '{folder}' but says unit '{unit}'",
               "move it to exemplars/{unit}/ or set unit to '{folder}'"),
    },
    "text.nfd": {
        "vi": ("văn bản dùng dấu tiếng Việt tổ hợp (NFD)", "đã tự chuẩn hoá sang NFC; nên lưu tệp ở dạng NFC"),
        "en": ("text uses decomposed Vietnamese marks (NFD)", "normalised to NFC; save the file as NFC"),
    },
    "text.control": {
        "vi": ("có ký tự điều khiển vô hình {char}", "hãy xoá ký tự đó (thường dính vào khi chép từ Word hoặc PDF); "
               "thụt lề bằng dấu cách, không dùng phím Tab trong phần khai báo"),
        "en": ("holds the invisible control character {char}", "delete it (it often comes with text copied from "
               "Word or a PDF); indent with spaces, never Tab, in the front matter"),
    },
    "text.bidi": {
        "vi": ("có ký tự đổi chiều viết {char}, khiến chữ hiện ra khác thứ tự thật",
               "hãy xoá ký tự đó; tiếng Việt không cần nó"),
        "en": ("holds the text direction control {char}, which makes text show in another order than it is stored",
               "delete it; Vietnamese never needs it"),
    },
    "text.noncharacter": {
        "vi": ("có {char}, không phải là ký tự chữ", "hãy xoá ký tự đó và lưu tệp lại dưới dạng UTF-8"),
        "en": ("holds {char}, which is not a character", "delete it and save the file as UTF-8 again"),
    },
    "text.surrogate": {
        "vi": ("có nửa cặp mã {char} đứng lẻ (thường do một mã thoát \\u trong dấu ngoặc kép)",
               "hãy xoá mã thoát đó và gõ thẳng ký tự cần viết"),
        "en": ("holds a lone surrogate {char} (usually from a \\u escape in double quotes)",
               "delete the escape and type the character itself"),
    },
    "text.blank": {
        "vi": ("giá trị chỉ có dấu cách hoặc ký tự vô hình",
               "hãy viết nội dung, hoặc bỏ hẳn trường này nếu không bắt buộc"),
        "en": ("the value is made only of spaces or invisible characters",
               "write the text, or remove the field if it is optional"),
    },
    "yaml.syntax": {
        "vi": ("lỗi cú pháp YAML: {problem}", "hãy kiểm tra thụt lề (dùng dấu cách) và dấu ':' sau tên trường"),
        "en": ("YAML syntax error: {problem}", "check the indentation (spaces) and the ':' after each key"),
    },
    "yaml.duplicate_key": {
        "vi": ("trường '{key}' được khai báo hai lần (lần trước ở dòng {first})", "hãy giữ lại một lần"),
        "en": ("key '{key}' appears twice (first at line {first})", "keep only one"),
    },
    "yaml.tag": {
        "vi": ("thẻ YAML '{tag}' không được phép", "hãy bỏ thẻ và ghi giá trị bình thường"),
        "en": ("YAML tag '{tag}' is not allowed", "remove the tag and write a plain value"),
    },
    "yaml.too_complex": {
        "vi": ("YAML quá phức tạp (quá nhiều tham chiếu '*' hoặc lồng quá sâu)",
               "hãy viết trực tiếp các giá trị, không dùng '&' và '*'"),
        "en": ("YAML too complex (too many '*' aliases or nested too deep)",
               "write values out; do not use '&' and '*'"),
    },
    "yaml.number_too_long": {
        "vi": ("số có {digits} chữ số, nhiều hơn mọi số đếm (tối đa {limit})",
               "nếu là chữ (số hiệu, mã), hãy đặt trong dấu ngoặc kép; nếu là số, hãy ghi đúng số"),
        "en": ("a number of {digits} digits, more than any count needs (at most {limit})",
               "if it is text (a code or an id), put it in double quotes; if it is a number, correct it"),
    },
    "yaml.key_type": {
        "vi": ("tên trường phải là chữ, không phải '{key}'", "hãy đặt tên trường bằng chữ thường, ví dụ 'title'"),
        "en": ("keys must be text, not '{key}'", "name the key in lowercase text, e.g. 'title'"),
    },
    "yaml.not_mapping": {
        "vi": ("phần khai báo phải là danh sách các trường 'tên: giá trị'", "xem mẫu trong content/dong-gop.md"),
        "en": ("the front matter must be a set of 'key: value' fields", "see the template in content/dong-gop.md"),
    },
    # The web form's own validations (pages/webform.py), stated from the same schema rules.
    "form.pattern": {
        "vi": ("giá trị chưa đúng dạng hoặc độ dài", "hãy ghi theo mẫu, ví dụ: {example}"),
        "en": ("the value has the wrong form or length", "write it like the example: {example}"),
    },
    "form.length": {
        "vi": ("cần từ {low} đến {high} ký tự", "hãy viết đầy đủ hơn hoặc rút gọn lại"),
        "en": ("needs {low} to {high} characters", "write more, or shorten it"),
    },
    "form.story": {
        "vi": ("câu chuyện cần ít nhất {limit} từ", "hãy kể bối cảnh, việc đã làm, kết quả và bài học"),
        "en": ("the story needs at least {limit} words", "tell the context, what was done, results, lessons"),
    },
    # dvk import-xlsx (contribute/xlsx.py): a cell that cannot be used, named by sheet, row, column.
    "xlsx.unreadable": {
        "vi": ("không mở được tệp Excel ({reason})", "hãy lưu tệp dạng .xlsx (Excel 2007 trở lên) rồi chạy lại"),
        "en": ("cannot open the Excel file ({reason})", "save it as .xlsx (Excel 2007 or later) and run again"),
    },
    "xlsx.no_header": {
        "vi": ("trang tính có dữ liệu nhưng không có dòng tiêu đề có cột “{title}”, không nhập trang này",
               "hãy đặt tên cột như tệp mẫu (tải ở trang Đóng góp) trong 10 dòng đầu"),
        "en": ("the sheet has data but no heading row with a column “{title}”; the sheet is not imported",
               "name the columns as the template does (download it from the contribute page), in the first 10 rows"),
    },
    "xlsx.unknown_column": {
        "vi": ("cột “{heading}” không có trong mẫu, giá trị của cột này không được dùng",
               "hãy đổi tên cột theo tệp mẫu: {hint}"),
        "en": ("column “{heading}” is not in the template; its values are not used",
               "rename it as the template does: {hint}"),
    },
    "xlsx.kind": {
        "vi": ("loại '{value}' không hợp lệ", "hãy ghi Tập thể hoặc Cá nhân"),
        "en": ("kind '{value}' is not valid", "write Tập thể (collective) or Cá nhân (individual)"),
    },
    "xlsx.unit": {
        "vi": ("không có đơn vị '{value}'", "hãy ghi mã hoặc tên đơn vị như trong exemplars/units.yml: {hint}"),
        "en": ("no unit '{value}'", "write the unit's code or name as in exemplars/units.yml: {hint}"),
    },
    "xlsx.date": {
        "vi": ("'{value}' không phải là một ngày có thật", "hãy ghi ngày kiểu ngày của Excel, hoặc dạng 19/5/2024"),
        "en": ("'{value}' is not a real date", "write an Excel date, or 19/5/2024"),
    },
    "xlsx.number": {
        "vi": ("'{value}' không phải là một số", "hãy ghi chỉ con số (1.500 hoặc 6,2); đơn vị tính ghi ở cột riêng"),
        "en": ("'{value}' is not a number", "write the number alone (1.500 or 6,2); the measure has its own column"),
    },
    "xlsx.code": {
        "vi": ("không có '{value}' trong {file}", "hãy ghi mã hoặc tên có trong danh mục: {hint}"),
        "en": ("no '{value}' in {file}", "write a code or name from the registry: {hint}"),
    },
    "xlsx.row_incomplete": {
        "vi": ("hàng có dữ liệu nhưng thiếu {missing}, không nhập hàng này", "hãy điền các cột đó rồi nhập lại"),
        "en": ("the row has data but no {missing}; the row is not imported", "fill those columns and import again"),
    },
    "schema.required": {
        "vi": ("thiếu trường bắt buộc '{name}'", "hãy thêm '{name}:'{hint}"),
        "en": ("required field '{name}' is missing", "add '{name}:'{hint}"),
    },
    "schema.unknown": {
        "vi": ("trường '{name}' không có trong mẫu", "{suggestion}"),
        "en": ("unknown field '{name}'", "{suggestion}"),
    },
    "schema.type": {
        "vi": ("giá trị {value} phải là {expected}", "hãy ghi {expected}{hint}"),
        "en": ("value {value} must be {expected}", "write {expected}{hint}"),
    },
    "schema.enum": {
        "vi": ("giá trị {value} không hợp lệ", "hãy chọn một trong: {allowed}"),
        "en": ("value {value} is not allowed", "choose one of: {allowed}"),
    },
    "schema.pattern": {
        "vi": ("giá trị {value} không đúng dạng", "hãy ghi theo mẫu{hint}"),
        "en": ("value {value} has the wrong form", "write it like the example{hint}"),
    },
    "schema.max_length": {
        "vi": ("dài {length} ký tự, tối đa {limit}", "hãy rút gọn còn {limit} ký tự"),
        "en": ("{length} characters long, at most {limit}", "shorten it to {limit} characters"),
    },
    "schema.min_length": {
        "vi": ("quá ngắn ({length} ký tự, tối thiểu {limit})", "hãy viết đầy đủ hơn"),
        "en": ("too short ({length} characters, at least {limit})", "write it out in full"),
    },
    "schema.min_items": {
        "vi": ("cần ít nhất {limit} mục", "hãy thêm mục còn thiếu{hint}"),
        "en": ("needs at least {limit} item(s)", "add the missing item(s){hint}"),
    },
    "schema.unique": {
        "vi": ("danh sách có mục lặp lại", "hãy bỏ mục trùng"),
        "en": ("the list repeats an item", "remove the duplicate"),
    },
    "schema.range": {
        "vi": ("giá trị {value} nằm ngoài khoảng cho phép ({rule})", "hãy sửa lại cho đúng khoảng"),
        "en": ("value {value} is out of range ({rule})", "correct it"),
    },
    "schema.other": {
        "vi": ("giá trị không hợp lệ ({detail})", "hãy đối chiếu với mẫu trong content/dong-gop.md"),
        "en": ("invalid value ({detail})", "compare with the template in content/dong-gop.md"),
    },
    "date.invalid": {
        "vi": ("'{value}' không phải là ngày có thật", "hãy ghi ngày theo dạng YYYY-MM-DD, ví dụ 2024-05-19"),
        "en": ("'{value}' is not a real date", "write the date as YYYY-MM-DD, e.g. 2024-05-19"),
    },
    "date.future": {
        "vi": ("ngày {value} còn ở tương lai", "hãy ghi ngày đã diễn ra"),
        "en": ("date {value} is in the future", "give a date that has passed"),
    },
    "date.too_early": {
        "vi": ("ngày {value} sớm hơn {earliest}, trước mọi phong trào", "hãy kiểm tra lại năm (YYYY-MM-DD)"),
        "en": ("date {value} is before {earliest}, earlier than any campaign", "check the year (YYYY-MM-DD)"),
    },
    "period.order": {
        "vi": ("ngày kết thúc {end} trước ngày bắt đầu {start}", "hãy để end bằng hoặc sau start"),
        "en": ("end {end} is before start {start}", "make end the same as or after start"),
    },
    "ref.unit": {
        "vi": ("không có đơn vị '{value}' trong exemplars/units.yml", "{suggestion}"),
        "en": ("no unit '{value}' in exemplars/units.yml", "{suggestion}"),
    },
    "ref.category": {
        "vi": ("không có nội dung thi đua '{value}' trong exemplars/campaigns.yml (lines)", "{suggestion}"),
        "en": ("no category '{value}' in exemplars/campaigns.yml (lines)", "{suggestion}"),
    },
    "ref.group": {
        "vi": ("không có nhóm '{value}' trong exemplars/groups.yml", "{suggestion}"),
        "en": ("no group '{value}' in exemplars/groups.yml", "{suggestion}"),
    },
    "ref.field": {
        "vi": ("không có lĩnh vực '{value}' trong exemplars/fields.yml", "{suggestion}"),
        "en": ("no field '{value}' in exemplars/fields.yml", "{suggestion}"),
    },
    "ref.exemplar": {
        "vi": ("không có điển hình nào có slug '{value}'", "{suggestion}"),
        "en": ("no exemplar has the slug '{value}'", "{suggestion}"),
    },
    "ref.area": {
        "vi": ("không có địa bàn '{value}' trong exemplars/units.yml (areas)", "{suggestion}"),
        "en": ("no area '{value}' in exemplars/units.yml (areas)", "{suggestion}"),
    },
    "ref.level": {
        "vi": ("không có cấp '{value}' trong exemplars/units.yml (levels)", "{suggestion}"),
        "en": ("no level '{value}' in exemplars/units.yml (levels)", "{suggestion}"),
    },
    "ref.type": {
        "vi": ("không có loại đơn vị '{value}' trong exemplars/units.yml (types)", "{suggestion}"),
        "en": ("no unit type '{value}' in exemplars/units.yml (types)", "{suggestion}"),
    },
    "ref.act": {
        "vi": ("không có văn bản '{value}' trong exemplars/units.yml (acts)",
               "hãy thêm văn bản vào acts hoặc sửa mã: {suggestion}"),
        "en": ("no act '{value}' in exemplars/units.yml (acts)", "add it to acts or fix the id: {suggestion}"),
    },
    "ref.outlet": {
        "vi": ("không có cơ quan báo chí '{value}' trong exemplars/outlets.yml", "{suggestion}"),
        "en": ("no outlet '{value}' in exemplars/outlets.yml", "{suggestion}"),
    },
    "ref.campaign": {
        "vi": ("không có chiến dịch '{value}' trong exemplars/campaigns.yml", "{suggestion}"),
        "en": ("no campaign '{value}' in exemplars/campaigns.yml", "{suggestion}"),
    },
    "campaign.no_default": {
        "vi": ("trang có {count} chiến dịch nhưng site.yml không ghi default_campaign",
               "hãy thêm default_campaign: <mã chiến dịch> cho các tệp điển hình không ghi campaign"),
        "en": ("the site has {count} campaigns but site.yml names no default_campaign",
               "add default_campaign: <campaign id> for exemplar files that name none"),
    },
    "campaign.unnamed": {
        "vi": ("tệp không ghi campaign và trang không có chiến dịch mặc định",
               "hãy thêm campaign: với một trong: {allowed}"),
        "en": ("the file names no campaign and the site has no default one", "add campaign: one of {allowed}"),
    },
    "campaign.date_outside": {
        "vi": ("ngày công nhận {value} nằm ngoài thời gian của chiến dịch {campaign} ({start} – {end})",
               "hãy sửa ngày, hoặc ghi campaign: cho đúng chiến dịch của quyết định"),
        "en": ("recognition date {value} is outside campaign {campaign} ({start} – {end})",
               "fix the date, or set campaign: to the campaign the decision belongs to"),
    },
    "campaign.category": {
        "vi": ("nội dung '{value}' thuộc chiến dịch {other}, không thuộc chiến dịch {campaign} của tệp",
               "hãy dùng nội dung của chiến dịch {campaign}: {allowed}"),
        "en": ("category '{value}' belongs to campaign {other}, not to this file's campaign {campaign}",
               "use one of campaign {campaign}'s: {allowed}"),
    },
    "campaign.nomination_level": {
        "vi": ("chiến dịch {campaign} không đề nghị lên cấp '{value}'", "hãy dùng một trong: {allowed}"),
        "en": ("campaign {campaign} has no nominations to level '{value}'", "use one of: {allowed}"),
    },
    "campaign.nomination_ended": {
        "vi": ("ngày đề nghị {value}: {level} không còn hoạt động", "hãy đề nghị lên cấp còn hoạt động vào ngày đó"),
        "en": ("nomination date {value}: {level} no longer existed", "nominate to a level that existed on that day"),
    },
    "unit.not_alive": {
        "vi": ("đơn vị '{value}' không hoạt động ngày công nhận {day} (hoạt động {start} – {until})",
               "hãy ghi đơn vị đang hoạt động vào ngày đó (xem merged_into trong exemplars/units.yml) "
               "và chuyển tệp vào thư mục của đơn vị ấy"),
        "en": ("unit '{value}' did not exist on the recognition date {day} (active {start} – {until})",
               "name the unit active on that day (see merged_into in exemplars/units.yml) and move the "
               "file into its folder"),
    },
    "recognition.by_ended": {
        "vi": ("cơ quan công nhận nhắc {area}, địa bàn đã kết thúc ngày {until}",
               "hãy ghi tên cơ quan đúng như trên quyết định, vào ngày ký"),
        "en": ("the recognizing body names {area}, an area that ended on {until}",
               "write the body's name as the decision gives it, on its date"),
    },
    "media.outlet_dead": {
        "vi": ("{value} không hoạt động ngày {day}",
               "hãy ghi mã cơ quan đã đăng, phát vào ngày đó (exemplars/outlets.yml)"),
        "en": ("{value} did not exist on {day}", "name the outlet that ran it on that day (exemplars/outlets.yml)"),
    },
    "history.order": {
        "vi": ("ngày kết thúc {until} trước ngày bắt đầu {start}", "hãy sửa from hoặc until"),
        "en": ("last day {until} is before the first day {start}", "fix from or until"),
    },
    "history.successor_dead": {
        "vi": ("mục kế tục '{value}' không hoạt động ngày {day} (ngày sau until)",
               "hãy sửa until, hoặc from của mục kế tục"),
        "en": ("successor '{value}' does not exist on {day} (the day after until)",
               "fix until, or the successor's from"),
    },
    "history.link_dead": {
        "vi": ("'{value}' không hoạt động ngày {day} mà mục này còn gắn với nó",
               "hãy chia thành các giai đoạn (parents, areas) với from, until"),
        "en": ("'{value}' does not exist on {day}, while this entry is linked to it",
               "split the link into periods (parents, areas) with from, until"),
    },
    "history.parent_rank": {
        "vi": ("địa bàn cấp trên '{value}' không ở cấp cao hơn", "hãy chọn địa bàn của cấp trên (rank nhỏ hơn)"),
        "en": ("parent area '{value}' is not of a higher level", "choose an area of a higher level (smaller rank)"),
    },
    "history.outlives_level": {
        "vi": ("{name} còn hoạt động sau khi {level} kết thúc ({until})",
               "hãy ghi until (và merged_into hoặc ended) không muộn hơn {until}"),
        "en": ("{name} outlives its level {level}, which ended on {until}",
               "give it an until (and merged_into or ended) no later than {until}"),
    },
    "ref.parent": {
        "vi": ("đơn vị cấp trên '{value}' không có trong exemplars/units.yml", "{suggestion}"),
        "en": ("parent unit '{value}' is not in exemplars/units.yml", "{suggestion}"),
    },
    "slug.invalid": {
        "vi": ("tên tệp '{value}' không dùng được làm slug",
               "hãy đặt tên tệp bằng chữ thường không dấu, nối bằng '-', ví dụ {example}.md"),
        "en": ("file name '{value}' cannot be a slug",
               "name the file in lowercase ascii joined by '-', e.g. {example}.md"),
    },
    "slug.reserved": {
        "vi": ("tên tệp '{value}' trùng địa chỉ một trang của danh sách điển hình (trang-2, moi-nhat…)",
               "hãy đặt tên tệp theo tên điển hình, ví dụ ngoi-nha-nhan-ai.md"),
        "en": ("file name '{value}' is the address of a page of the list of exemplars (trang-2, moi-nhat…)",
               "name the file after the exemplar's title, e.g. ngoi-nha-nhan-ai.md"),
    },
    "slug.duplicate": {
        "vi": ("slug '{value}' cũng được dùng ở {other}", "hãy đổi tên một trong các tệp để slug là duy nhất"),
        "en": ("slug '{value}' is also used by {other}", "rename one of the files so each slug is unique"),
    },
    "id.duplicate": {
        "vi": ("mã '{value}' bị trùng (lần trước ở dòng {first})", "mỗi mã chỉ khai báo một lần"),
        "en": ("id '{value}' is repeated (first at line {first})", "declare each id once"),
    },
    "repo.made_link": {
        "vi": ("thư mục {folder} là một liên kết (symlink) tới nơi khác",
               "hãy xoá liên kết đó (rm {folder}); dvk tự tạo lại thư mục thật"),
        "en": ("the folder {folder} is a link (symlink) to elsewhere",
               "delete the link (rm {folder}); dvk makes a real folder again"),
    },
    "repo.tracked_made": {
        "vi": ("kho git đang theo dõi {count} tệp trong {folder}/, thư mục do dvk tự tạo "
               "(bộ nhớ đệm hoặc trang đã dựng), nên không thể tin: {files}",
               "hãy bỏ chúng khỏi kho: git rm -r --cached {folder} rồi commit "
               "(thư mục đã có trong .gitignore, tệp trên máy vẫn giữ nguyên)"),
        "en": ("the git repository tracks {count} files under {folder}/, a folder dvk makes "
               "(a cache or a built site), so they cannot be trusted: {files}",
               "untrack them: git rm -r --cached {folder}, then commit "
               "(the folder is in .gitignore; the files on disk stay)"),
    },
    "repo.stale_form": {
        "vi": ("biểu mẫu đề cử không còn khớp các danh mục (nội dung thi đua của các chiến dịch đang mở, "
               "lĩnh vực, đơn vị hiện nay): tệp này do dvk sinh, không sửa tay",
               "chạy dvk contribute-files rồi commit {file}"),
        "en": ("the nomination form no longer matches the registries (the open campaigns' lines, the "
               "fields, today's units): dvk writes this file, it is not edited by hand",
               "run dvk contribute-files, then commit {file}"),
    },
    "name.duplicate": {
        "vi": ("tên đơn vị '{value}' trùng với đơn vị ở dòng {first}",
               "hai đơn vị không thể cùng tên: hãy sửa một trong hai tên (dòng này hoặc dòng {first})"),
        "en": ("unit name '{value}' is also the name of the unit at line {first}",
               "two units cannot share a name: change one of them (this line or line {first})"),
    },
    "body.too_short": {
        "vi": ("phần câu chuyện quá ngắn ({words} từ, tối thiểu {limit})",
               "hãy kể bối cảnh, việc đã làm, kết quả và bài học sau dòng '---' thứ hai"),
        "en": ("the story is too short ({words} words, at least {limit})",
               "tell the context, what was done, results and lessons after the second '---'"),
    },
    "photo.outside": {
        "vi": ("ảnh '{value}' trỏ ra ngoài thư mục của điển hình (liên kết tượng trưng)",
               "hãy chép chính tệp ảnh vào cùng thư mục với tệp .md thay cho liên kết"),
        "en": ("photo '{value}' points outside the exemplar's folder (a symlink)",
               "copy the image file itself into the folder of the .md instead of linking it"),
    },
    "photo.not_file": {
        "vi": ("'{value}' không phải là một tệp ảnh thông thường", "hãy đặt một tệp ảnh jpg, png hoặc webp tên đó"),
        "en": ("'{value}' is not a regular image file", "put a jpg, png or webp file of that name there"),
    },
    "steps.order": {
        "vi": ("bước {step} đứng sau bước {previous}", "hãy ghi các bước theo thứ tự 1–5, mỗi bước một lần"),
        "en": ("step {step} comes after step {previous}", "list the steps in order 1–5, each once"),
    },
    "steps.date_order": {
        "vi": ("ngày {value} sớm hơn ngày {previous} của bước trước",
               "bước sau không thể diễn ra trước bước trước; hãy sửa ngày"),
        "en": ("date {value} is before {previous}, the date of an earlier step",
               "a later step cannot happen before an earlier one; correct the date"),
    },
    "ref.self": {
        "vi": ("điển hình không thể học tập chính mình", "hãy bỏ '{value}' khỏi learned_from"),
        "en": ("an exemplar cannot learn from itself", "remove '{value}' from learned_from"),
    },
    "ref.cycle": {
        "vi": ("học tập vòng tròn: {cycle}", "hãy bỏ '{value}' khỏi learned_from ở tệp này hoặc ở tệp kia"),
        "en": ("learning goes round in a circle: {cycle}",
               "remove '{value}' from learned_from here or in the other file"),
    },
    "privacy.id_number": {
        "vi": ("có vẻ là số CCCD/CMND ({value})",
               "hãy xoá: không công bố số giấy tờ tuỳ thân của cá nhân (Nghị định 13/2023/NĐ-CP)"),
        "en": ("looks like an identity card number ({value})",
               "remove it: a person's ID number is never published (Decree 13/2023/NĐ-CP)"),
    },
    "privacy.phone": {
        "vi": ("có vẻ là số điện thoại di động riêng ({value})",
               "hãy xoá; chỉ ghi điện thoại văn phòng đơn vị trong contact.phone"),
        "en": ("looks like a personal mobile number ({value})",
               "remove it; give only the unit office's number, in contact.phone"),
    },
    "privacy.address": {
        "vi": ("có vẻ là địa chỉ nhà riêng ('{value}…')",
               "hãy xoá địa chỉ nhà; chỉ ghi ấp, xã nơi sinh hoạt hoặc công tác"),
        "en": ("looks like a home address ('{value}…')",
               "remove the home address; name only the hamlet or commune where the person works"),
    },
    "privacy.contact_phone": {
        "vi": ("'{value}' không phải số máy bàn văn phòng, cũng không phải số văn phòng đã đăng ký "
               "cho đơn vị {unit}",
               "hãy ghi số máy bàn của văn phòng (02x, ví dụ 0275 3862 117); nếu văn phòng dùng số "
               "di động, hãy đề nghị người quản trị ghi số đó vào office_phone của đơn vị trong "
               "exemplars/units.yml"),
        "en": ("'{value}' is neither an office landline nor the office number registered for unit {unit}",
               "give the office's landline (02x, e.g. 0275 3862 117); if the office uses a mobile, ask "
               "the maintainers to add it as the unit's office_phone in exemplars/units.yml"),
    },
    "privacy.published": {
        "vi": ("tệp sắp công bố chứa {what} ({value}); nguồn: {source}",
               "trang không được dựng, không công bố gì; hãy xoá thông tin đó ở nguồn rồi dựng lại"),
        "en": ("a file about to be published holds {what} ({value}); source: {source}",
               "the site was not built and nothing was published; remove it at the source and build again"),
    },
    "story.image_outside": {
        "vi": ("ảnh '{value}' trong câu chuyện không nằm trong thư mục của điển hình, sẽ bị bỏ",
               "hãy chép ảnh vào cùng thư mục với tệp .md và ghi ![chú thích](ten-anh.jpg)"),
        "en": ("story image '{value}' is not in the exemplar's folder and will be dropped",
               "copy the image beside the .md and write ![caption](image-name.jpg)"),
    },
    "story.image_unlisted": {
        "vi": ("ảnh '{value}' trong câu chuyện chưa được khai báo trong photos",
               "hãy chép ảnh vào cùng thư mục và thêm vào photos (file, caption, credit)"),
        "en": ("story image '{value}' is not listed in photos",
               "put the image in the folder and add it to photos (file, caption, credit)"),
    },
    "story.tag": {
        "vi": ("thẻ HTML <{value}> trong câu chuyện sẽ bị loại bỏ",
               "hãy viết bằng Markdown thường (in đậm **…**, danh sách '- ', bảng)"),
        "en": ("HTML tag <{value}> in the story will be removed",
               "write plain Markdown instead (**bold**, '- ' lists, tables)"),
    },
    "story.attribute": {
        "vi": ("thuộc tính HTML '{value}' trong câu chuyện sẽ bị loại bỏ", "hãy bỏ thuộc tính đó"),
        "en": ("HTML attribute '{value}' in the story will be removed", "remove that attribute"),
    },
    "story.link": {
        "vi": ("liên kết '{value}' trong câu chuyện sẽ bị vô hiệu hoá",
               "chỉ dùng liên kết http://, https:// hoặc mailto:"),
        "en": ("link '{value}' in the story will be disabled", "use only http://, https:// or mailto: links"),
    },
    "story.block_too_long": {
        "vi": ("đoạn bắt đầu ở dòng này dài {length} ký tự, tối đa {limit}",
               "hãy ngắt thành nhiều đoạn bằng một dòng trống"),
        "en": ("the block starting on this line is {length} characters long, at most {limit}",
               "split it into paragraphs with a blank line"),
    },
    "story.too_many_blocks": {
        "vi": ("câu chuyện có {count} đoạn, tối đa {limit}",
               "hãy gộp các dòng ngắn thành đoạn văn, bỏ các dòng trống thừa"),
        "en": ("the story has {count} blocks, at most {limit}",
               "join short lines into paragraphs; remove extra blank lines"),
    },
    "story.nested_too_deep": {
        "vi": ("dòng bắt đầu bằng {length} ký tự thụt lề và dấu danh sách, trích dẫn (-, *, +, >, 1.), tối đa {limit}",
               "danh sách và trích dẫn chỉ nên lồng vài cấp; hãy bỏ bớt thụt lề và dấu ở đầu dòng"),
        "en": ("the line starts with {length} characters of indentation and list or quote marks (-, *, +, >, 1.), "
               "at most {limit}", "nest lists and quotes a few levels at most; remove the extra marks"),
    },
    "story.too_many_marks": {
        "vi": ("câu chuyện có {count} dấu '{mark}', tối đa {limit} (mỗi liên kết, ảnh, thẻ dùng một dấu)",
               "hãy bỏ các dấu '{mark}' không dùng cho liên kết hay ảnh, từ dòng này trở đi"),
        "en": ("the story has {count} '{mark}' characters, at most {limit} (one per link, image or tag)",
               "remove the '{mark}' that are not links or images, from this line on"),
    },
    "photo.listed_twice": {
        "vi": ("ảnh '{value}' được khai báo hơn một lần", "hãy giữ một mục cho mỗi tệp ảnh trong photos"),
        "en": ("photo '{value}' is listed more than once", "keep one entry per photo file in photos"),
    },
    "story.too_much_markup": {
        "vi": ("câu chuyện có {count} dấu định dạng (* _ ` | \\ [ < và dấu đầu dòng danh sách, trích dẫn), "
               "tối đa {limit}",
               "hãy bớt định dạng: viết chữ thường, bỏ các dấu thừa, từ dòng này trở đi"),
        "en": ("the story has {count} formatting marks (* _ ` | \\ [ < and list or quote marks), at most {limit}",
               "format less: write plain text and remove the extra marks, from this line on"),
    },
    "photo.same_name": {
        "vi": ("ảnh '{value}' và ảnh '{other}' sẽ được công bố cùng tên ({published}…)",
               "hãy đổi tên một trong hai tệp ảnh (và sửa photos cho khớp)"),
        "en": ("photos '{value}' and '{other}' would be published under the same names ({published}…)",
               "rename one of the two photo files (and photos to match)"),
    },
    "photo.missing": {
        "vi": ("không tìm thấy ảnh '{value}' cạnh tệp điển hình", "hãy chép ảnh vào cùng thư mục với tệp .md"),
        "en": ("photo '{value}' not found beside the exemplar file", "put the photo in the same folder as the .md"),
    },
    "photo.unreadable": {
        "vi": ("không đọc được ảnh '{value}' ({reason})", "hãy kiểm tra quyền truy cập tệp ảnh"),
        "en": ("cannot read photo '{value}' ({reason})", "check the photo file's permissions"),
    },
    "photo.too_large": {
        "vi": ("ảnh '{value}' quá nặng ({size}, tối đa {limit})",
               "hãy xuất lại ảnh JPEG chất lượng khoảng 85%, cạnh dài 4000 điểm ảnh là đủ"),
        "en": ("photo '{value}' is too large ({size}, at most {limit})",
               "export it again as JPEG at about 85% quality; 4000 pixels on the long side is plenty"),
    },
    "photo.too_many_pixels": {
        "vi": ("ảnh '{value}' có quá nhiều điểm ảnh ({megapixels} triệu, tối đa {limit} triệu)",
               "hãy thu nhỏ ảnh, cạnh dài 4000 điểm ảnh là đủ"),
        "en": ("photo '{value}' has too many pixels ({megapixels} million, at most {limit} million)",
               "scale it down; 4000 pixels on the long side is plenty"),
    },
    "photo.format": {
        "vi": ("ảnh '{value}' có định dạng {format}, không được nhận", "hãy lưu ảnh dưới dạng JPEG, PNG hoặc WebP"),
        "en": ("photo '{value}' is in {format} format, which is not accepted", "save it as JPEG, PNG or WebP"),
    },
    "photo.svg": {
        "vi": ("'{value}' là hình vẽ SVG, không phải ảnh chụp (SVG có thể chứa mã chạy trên trang)",
               "hãy xuất hình ra PNG hoặc JPEG"),
        "en": ("'{value}' is an SVG drawing, not a photo (SVG can carry script)", "export it as PNG or JPEG"),
    },
    "photo.not_image": {
        "vi": ("'{value}' không phải là ảnh (dù tên tệp có đuôi ảnh)",
               "hãy chép đúng tệp ảnh JPEG, PNG hoặc WebP vào thư mục"),
        "en": ("'{value}' is not an image (whatever its name says)", "copy the real JPEG, PNG or WebP file"),
    },
    "photo.damaged": {
        "vi": ("ảnh '{value}' bị hỏng hoặc chép chưa hết ({reason})", "hãy chép lại tệp ảnh gốc từ máy chụp"),
        "en": ("photo '{value}' is damaged or incomplete ({reason})", "copy the original file from the camera again"),
    },
    # Serving and deploying the built site (dvk nginx-config, dvk deploy): `path` is the site,
    # the target or the endpoint.
    "host.no_site": {
        "vi": ("chưa có trang đã dựng ở đây (không thấy index.html)",
               "hãy chạy dvk build trước, hoặc chỉ đúng thư mục bằng --site-dir"),
        "en": ("no built site here (no index.html)", "run dvk build first, or name the folder with --site-dir"),
    },
    "host.io": {
        "vi": ("không đọc, ghi được ở đây ({reason})", "hãy kiểm tra quyền đọc, ghi và chỗ trống trên đĩa"),
        "en": ("cannot read or write here ({reason})", "check the permissions and the free disk space"),
    },
    "host.nginx_value": {
        "vi": ("không ghi được '{value}' vào cấu hình nginx: nginx sẽ đọc một phần của nó thành lệnh",
               "hãy dùng đường dẫn không có dấu \", \\, $ hay xuống dòng, và tên máy, địa chỉ:cổng chỉ có "
               "chữ không dấu, số và . : - [ ]"),
        "en": ("'{value}' cannot be written into the nginx configuration: nginx would read part of it as syntax",
               "use a path without \", \\, $ or line breaks, and a server name or address:port of ASCII "
               "letters, digits and . : - [ ] only"),
    },
    "host.target": {
        "vi": ("không hiểu đích gửi '{target}'",
               "hãy viết s3://bucket/thư-mục, máy:/đường/dẫn, rsync://máy/module/thư-mục hoặc một thư mục"),
        "en": ("cannot tell where '{target}' is",
               "write s3://bucket/folder, host:/path, rsync://host/module/folder or a folder"),
    },
    "host.rsync_missing": {
        "vi": ("không tìm thấy lệnh rsync trên máy này", "hãy cài rsync (Debian: apt-get install rsync)"),
        "en": ("no rsync command on this machine", "install rsync (Debian: apt-get install rsync)"),
    },
    "host.rsync_failed": {
        "vi": ("rsync dừng với mã {status}: {reason}",
               "hãy kiểm tra địa chỉ đích, quyền ghi vào thư mục đích và kết nối tới máy chủ"),
        "en": ("rsync stopped with code {status}: {reason}",
               "check the target address, the right to write there and the connection to the server"),
    },
    "host.s3_library": {
        "vi": ("chưa cài thư viện boto3 để gửi lên kho S3", "hãy cài: pip install 'dvk[s3]'"),
        "en": ("boto3, the library that sends to S3, is not installed", "install it: pip install 'dvk[s3]'"),
    },
    "host.s3_credentials": {
        "vi": ("không có khoá truy cập kho S3",
               "hãy đặt AWS_ACCESS_KEY_ID và AWS_SECRET_ACCESS_KEY (hoặc dùng ~/.aws/credentials)"),
        "en": ("no access key for the S3 storage",
               "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or use ~/.aws/credentials)"),
    },
    "host.s3_denied": {
        "vi": ("kho S3 từ chối khoá truy cập ({reason})",
               "hãy kiểm tra khoá truy cập và quyền ghi, xoá trong bucket {bucket}"),
        "en": ("the S3 storage refused the access key ({reason})",
               "check the access key and its right to write and delete in bucket {bucket}"),
    },
    "host.s3_bucket": {
        "vi": ("không có bucket '{bucket}' trên kho S3", "hãy tạo bucket trước, hoặc sửa tên trong địa chỉ s3://"),
        "en": ("there is no bucket '{bucket}' on the S3 storage", "create the bucket first, or fix its name in s3://"),
    },
    "host.s3_unreachable": {
        "vi": ("không kết nối được tới kho S3 ({reason})",
               "hãy kiểm tra --endpoint-url (hoặc AWS_ENDPOINT_URL) và kết nối mạng"),
        "en": ("cannot connect to the S3 storage ({reason})",
               "check --endpoint-url (or AWS_ENDPOINT_URL) and the network"),
    },
    "host.s3_failed": {
        "vi": ("kho S3 trả lời lỗi {reason}", "hãy thử lại; nếu vẫn lỗi, báo cho người quản lý kho"),
        "en": ("the S3 storage answered with error {reason}",
               "try again; if it persists, tell the storage's administrator"),
    },
}
