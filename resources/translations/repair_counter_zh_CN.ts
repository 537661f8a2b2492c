<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="41"/>
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="42"/>
        <source>Check the account and the password (Caps Lock?). A manager can reset it; if every password is lost, use the recovery key.</source>
        <translation>请检查账号和密码（是否开启了大写锁定？）。经理可以重置密码；如果所有密码都已遗失，请使用恢复密钥。</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="43"/>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="44"/>
        <source>Do not write to this data folder. Copy the whole folder somewhere safe, then restore the last backup or call support with this message.</source>
        <translation>请不要再写入此数据文件夹。先将整个文件夹复制到安全位置，然后恢复最近的备份，或带着此信息联系技术支持。</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="45"/>
        <source>The database file is missing</source>
        <translation>数据库文件缺失</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="46"/>
        <source>Restore counter.db from the backup or find where it was moved. A new empty store is never created over a key file.</source>
        <translation>请从备份恢复 counter.db，或找到它被移动到的位置。系统绝不会在已有密钥文件的情况下新建空数据库。</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="47"/>
        <source>Not a Repair Counter file</source>
        <translation>不是维修柜台的文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="48"/>
        <source>Choose a Repair Counter data folder, or move the foreign file away.</source>
        <translation>请选择维修柜台的数据文件夹，或移走不属于本软件的文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="49"/>
        <source>The records do not verify</source>
        <translation>记录校验未通过</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="50"/>
        <source>Leave the data folder as it is for investigation and inform the outlet manager and HQ audit.</source>
        <translation>请保持数据文件夹原样以便调查，并通知网点经理和总部审计。</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="51"/>
        <source>No store here yet</source>
        <translation>此处尚无数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="52"/>
        <source>A store is already here</source>
        <translation>此处已有数据库</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="53"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="54"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="55"/>
        <source>Ask an outlet manager to do this, or to change your role.</source>
        <translation>请让网点经理执行此操作，或为您调整角色。</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="56"/>
        <source>Please check the input</source>
        <translation>请检查输入内容</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="65"/>
        <source>Something needs your attention</source>
        <translation>有情况需要您处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="74"/>
        <source>What to do next: </source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="79"/>
        <source>Repair Counter hit a bug</source>
        <translation>维修柜台遇到程序错误</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="80"/>
        <source>This is a fault in Repair Counter, not something you did. Your saved records are safe.</source>
        <translation>这是维修柜台软件的缺陷，并非您的操作所致。已保存的记录是安全的。</translation>
    </message>
    <message>
        <location filename="../../app/ui/error_dialogs.py" line="83"/>
        <source>Please send the details below to support.</source>
        <translation>请将以下详细信息发送给技术支持。</translation>
    </message>
</context>
<context>
    <name>AddStaffDialog</name>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="27"/>
        <source>Add a staff account</source>
        <translation>添加员工账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="38"/>
        <source>&amp;Engineer ID</source>
        <translation>工程师编号(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="39"/>
        <source>Display &amp;name</source>
        <translation>显示名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="40"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="41"/>
        <source>First &amp;password</source>
        <translation>初始密码(&amp;P)</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="97"/>
        <source>Customer consent</source>
        <extracomment>In the customer&apos;s chosen language (not the technician&apos;s screen language), so not a Qt translation.</extracomment>
        <translation>客户授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="98"/>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="99"/>
        <source>Ticket number (if any)</source>
        <translation>维修单号（如有）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="100"/>
        <source>Data the checks read (untick what the customer does not allow):</source>
        <translation>检测将读取的数据（客户不同意的项目请取消勾选）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="101"/>
        <source>Customer signature</source>
        <translation>客户签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="102"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="103"/>
        <source>No signature pad: the customer ticks here to agree</source>
        <translation>无签名板：客户在此勾选表示同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="104"/>
        <source>Customer agrees</source>
        <translation>客户同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/consent_dialog.py" line="105"/>
        <source>Customer declines</source>
        <translation>客户不同意</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="48"/>
        <source>Phones</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="49"/>
        <source>No phone is connected. Plug the customer&apos;s phone in with a data cable and turn on USB debugging.</source>
        <translation>未连接手机。请用数据线连接客户的手机，并打开 USB 调试。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="50"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="50"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="50"/>
        <source>What to do</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="62"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="62"/>
        <source>Not allowed yet</source>
        <translation>尚未授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="63"/>
        <source>Not answering</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="63"/>
        <source>Waiting for the phone</source>
        <translation>等待手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/devices_page.py" line="87"/>
        <source>Ready: press Enter to open diagnostics; nothing is read before the customer agrees.</source>
        <translation>就绪：按回车打开检测；客户同意前不会读取任何数据。</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPage</name>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="172"/>
        <source>Diagnostics</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="173"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="174"/>
        <source>Checks to run</source>
        <translation>要进行的检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="176"/>
        <source>Choose by the reported fault...</source>
        <translation>按客户描述的故障选择……</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="182"/>
        <source>Ask for consent and start</source>
        <translation>征求授权并开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="183"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="184"/>
        <source>Customer withdraws consent (deletes the data)</source>
        <translation>客户撤回授权（删除检测数据）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="185"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="216"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="216"/>
        <source>Waiting for USB debugging permission</source>
        <translation>等待手机允许 USB 调试</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="217"/>
        <source>Not answering</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="217"/>
        <source>No phone connected</source>
        <translation>未连接手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="223"/>
        <source>No phone selected</source>
        <translation>未选择手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="226"/>
        <source>What to do: </source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="285"/>
        <source>Diagnostic tool</source>
        <translation>检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="326"/>
        <source>This log has expired or was deleted.</source>
        <translation>该日志已过期或已被删除。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="112"/>
        <source>Set up Repair Counter</source>
        <translation>设置维修柜台</translation>
    </message>
</context>
<context>
    <name>JournalPage</name>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="42"/>
        <source>Audit journal</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="43"/>
        <source>&amp;Verify the store</source>
        <translation>校验数据库(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="44"/>
        <source>#</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="44"/>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="44"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="44"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="45"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="45"/>
        <source>Hash</source>
        <translation>哈希</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="67"/>
        <source>Verifying...</source>
        <translation>正在校验……</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/journal_page.py" line="73"/>
        <source>Everything holds: %1 journal entries verified.</source>
        <translation>全部通过：已校验 %1 条日志。</translation>
    </message>
</context>
<context>
    <name>LogViewerDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/log_viewer.py" line="35"/>
        <source>Device log (personal data removed)</source>
        <translation>设备日志（已去除个人信息）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/log_viewer.py" line="36"/>
        <source>Search the log, e.g. FATAL or a tag</source>
        <translation>搜索日志，例如 FATAL 或标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/log_viewer.py" line="41"/>
        <source>%1 lines</source>
        <translation>%1 行</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../app/ui/login_view.py" line="75"/>
        <source>Sign in to Repair Counter</source>
        <translation>登录维修柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="76"/>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="77"/>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="78"/>
        <source>Sign &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="79"/>
        <source>Lost every password? Use the recovery key</source>
        <translation>所有密码都遗失了？使用恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="80"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="115"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/login_view.py" line="116"/>
        <source>Type the recovery key printed when this store was set up:</source>
        <translation>请输入设置数据库时打印的恢复密钥：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="155"/>
        <source>Repair Counter</source>
        <translation>维修柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="156"/>
        <source>Lock (Ctrl+L)</source>
        <translation>锁定 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="170"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177"/>
        <source>%1 changes waiting to sync</source>
        <translation>%1 项更改待同步</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="47"/>
        <source>The first manager account</source>
        <translation>第一个经理账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="48"/>
        <source>The manager adds the other staff accounts later.</source>
        <translation>经理之后可以添加其他员工账号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="56"/>
        <source>&amp;Engineer ID</source>
        <translation>工程师编号(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="57"/>
        <source>Display &amp;name</source>
        <translation>显示名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="58"/>
        <source>&amp;Password (8 or more characters)</source>
        <translation>密码（至少 8 个字符）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="59"/>
        <source>&amp;Confirm password</source>
        <translation>确认密码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="68"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="70"/>
        <source>The password is too short.</source>
        <translation>密码太短。</translation>
    </message>
</context>
<context>
    <name>OutletPage</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="25"/>
        <source>Your outlet</source>
        <translation>您的网点</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="26"/>
        <source>The outlet code starts every ticket number, e.g. SZ01-20261122-0042.</source>
        <translation>每张工单号都以网点代码开头，例如 SZ01-20261122-0042。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="33"/>
        <source>Outlet &amp;code</source>
        <translation>网点代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="34"/>
        <source>Outlet &amp;name</source>
        <translation>网点名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="35"/>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="82"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="83"/>
        <source>It opens the store when every password is lost. It is shown only now: print it or write it down, and keep it in the outlet safe.</source>
        <translation>当所有密码都遗失时，可用它打开数据库。它只显示这一次：请打印或抄写下来，并存放在网点保险柜中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="91"/>
        <source>&amp;Print the recovery key...</source>
        <translation>打印恢复密钥(&amp;P)……</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="92"/>
        <source>I have printed or written down the recovery key</source>
        <translation>我已打印或抄写恢复密钥</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="97"/>
        <source>Results</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="98"/>
        <source>View the device log</source>
        <translation>查看设备日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="99"/>
        <source>The findings appear here when the checks have run. Nothing is read from the phone before the customer consents.</source>
        <translation>检测完成后结果显示在这里。客户同意之前，不会从手机读取任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="123"/>
        <source>Diagnostics complete.</source>
        <translation>检测已完成。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="124"/>
        <source>Diagnostics incomplete: the phone was disconnected or did not answer. What was read before is kept.</source>
        <translation>检测未完成：手机已断开或无响应。已读取的数据已保留。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="126"/>
        <source>The customer declined the tool update: no diagnostics were run. The repair goes on; the slip will say so.</source>
        <translation>客户拒绝更新检测工具：未进行检测。维修继续，维修单上会注明。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="128"/>
        <source>Diagnostics cancelled.</source>
        <translation>检测已取消。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="129"/>
        <source>The customer withdrew consent: processing stopped and the data was deleted.</source>
        <translation>客户已撤回授权：处理已停止，数据已删除。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="151"/>
        <source>Before handing the phone back: </source>
        <translation>交还手机前：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="157"/>
        <source>Checks</source>
        <translation>检测项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="161"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="162"/>
        <source>Diagnostic tool</source>
        <translation>检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="162"/>
        <source> (updated)</source>
        <translation>（已更新）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="166"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="167"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="168"/>
        <source>Android</source>
        <translation>安卓版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="169"/>
        <source>Build</source>
        <translation>系统版本</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="170"/>
        <source>Battery level</source>
        <translation>电量</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="171"/>
        <source>Battery health</source>
        <translation>电池健康度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="172"/>
        <source>Health read by</source>
        <translation>健康度来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="173"/>
        <source>Charge cycles</source>
        <translation>充电循环次数</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="174"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="182"/>
        <source>the on-phone diagnostic tool</source>
        <translation>手机上的检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="182"/>
        <source>dumpsys battery</source>
        <translation>dumpsys battery 命令</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="183"/>
        <source>batterystats (learned capacity)</source>
        <translation>batterystats（学习容量）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="184"/>
        <source>the battery broadcast</source>
        <translation>电池状态广播</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="187"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="187"/>
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="187"/>
        <source>not consented</source>
        <translation>未授权</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="188"/>
        <source>not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_results.py" line="188"/>
        <source>not run</source>
        <translation>未进行</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="77"/>
        <source>Staff accounts</source>
        <translation>员工账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="78"/>
        <source>&amp;Add account...</source>
        <translation>添加账号(&amp;A)……</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="79"/>
        <source>&amp;Remove account</source>
        <translation>移除账号(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="80"/>
        <source>Engineer ID</source>
        <translation>工程师编号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="80"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="80"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="114"/>
        <source>Remove account</source>
        <translation>移除账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="115"/>
        <source>Remove %1? The database key will be changed so that this account&apos;s old key file copy opens nothing.</source>
        <translation>移除 %1？数据库密钥将随之更换，该账号旧的密钥文件副本将无法再打开数据库。</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="34"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="36"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="36"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="36"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="36"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="37"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="37"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="49"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="49"/>
        <source>Diagnosing</source>
        <translation>检测中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="50"/>
        <source>Awaiting approval</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="50"/>
        <source>Repairing</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="51"/>
        <source>Quality check</source>
        <translation>质检中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="51"/>
        <source>Ready for pickup</source>
        <translation>待取机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="52"/>
        <source>Collected</source>
        <translation>已取机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="52"/>
        <source>Waiting for parts</source>
        <translation>等待配件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="53"/>
        <source>Sent to repair centre</source>
        <translation>已送修理中心</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="53"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="54"/>
        <source>Returned unrepaired</source>
        <translation>未修复退回</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="59"/>
        <source>Walk-in repair</source>
        <translation>到店维修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="59"/>
        <source>Send-in repair</source>
        <translation>寄修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="60"/>
        <source>Return / exchange</source>
        <translation>退换货</translation>
    </message>
</context>
<context>
    <name>ToolUpdateDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="56"/>
        <source>Update the diagnostic tool</source>
        <translation>更新检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="57"/>
        <source>The customer agrees to the update</source>
        <translation>客户同意更新</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="58"/>
        <source>Update and continue</source>
        <translation>更新并继续</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="59"/>
        <source>Customer refuses: no diagnostics</source>
        <translation>客户拒绝：不进行检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="66"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/tool_update_dialog.py" line="67"/>
        <source>On the phone: %1    Required: %2 or later</source>
        <translation>手机上：%1    要求：%2 或更高</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="75"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="75"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="75"/>
        <source>Audit journal</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="75"/>
        <source>Phones</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="75"/>
        <source>Diagnostics</source>
        <translation>检测</translation>
    </message>
</context>
</TS>
