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
        <location filename="../../app/ui/pages/diagnostics_page.py" line="211"/>
        <source>Diagnostics</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="212"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="213"/>
        <source>Checks to run</source>
        <translation>要进行的检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="215"/>
        <source>Choose by the reported fault...</source>
        <translation>按客户描述的故障选择……</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="221"/>
        <source>Ask for consent and start</source>
        <translation>征求授权并开始</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="222"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="223"/>
        <source>Customer withdraws consent (deletes the data)</source>
        <translation>客户撤回授权（删除检测数据）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="224"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="255"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="255"/>
        <source>Waiting for USB debugging permission</source>
        <translation>等待手机允许 USB 调试</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="256"/>
        <source>Not answering</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="256"/>
        <source>No phone connected</source>
        <translation>未连接手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="262"/>
        <source>No phone selected</source>
        <translation>未选择手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="265"/>
        <source>What to do: </source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="342"/>
        <source>Diagnostic tool</source>
        <translation>检测工具</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/diagnostics_page.py" line="383"/>
        <source>This log has expired or was deleted.</source>
        <translation>该日志已过期或已被删除。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="114"/>
        <source>Set up Repair Counter</source>
        <translation>设置维修柜台</translation>
    </message>
</context>
<context>
    <name>ImeiEntryDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="58"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="60"/>
        <source>The phone did not give its IMEI. Scan the barcode on the box or the SIM tray, or type the 15 digits (dial *#06# on the phone to show them).</source>
        <translation>手机未提供 IMEI。请扫描包装盒或 SIM 卡托上的条码，或输入 15 位数字（在手机上拨 *#06# 可显示）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="62"/>
        <source>15 digits</source>
        <translation>15 位数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="63"/>
        <source>Use this IMEI</source>
        <translation>使用此 IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="64"/>
        <source>Skip (no IMEI)</source>
        <translation>跳过（不记录 IMEI）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="85"/>
        <source>Valid IMEI (model code %1).</source>
        <translation>IMEI 有效（型号代码 %1）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="92"/>
        <source>Waiting for the scanner or the keyboard.</source>
        <translation>等待扫描枪或键盘输入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="94"/>
        <source>Only digits are allowed: this is not an IMEI barcode.</source>
        <translation>只能输入数字：这不是 IMEI 条码。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="97"/>
        <source>An IMEI has 15 digits; this has %1.</source>
        <translation>IMEI 为 15 位数字；当前为 %1 位。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/imei_entry_dialog.py" line="98"/>
        <source>The check digit does not match: a digit is wrong. Scan again or check the digits.</source>
        <translation>校验位不符：有数字错误。请重新扫描或核对数字。</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="23"/>
        <source>Service type</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="23"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="23"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="24"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="24"/>
        <source>Full address</source>
        <translation>详细地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="24"/>
        <source>Courier</source>
        <translation>快递公司</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="25"/>
        <source>Tracking number</source>
        <translation>快递单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="25"/>
        <source>Parcel condition on arrival</source>
        <translation>包裹到达时状况</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="26"/>
        <source>Purchase date</source>
        <translation>购买日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="26"/>
        <source>Proof of purchase</source>
        <translation>购机凭证</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="27"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="27"/>
        <source>IMEI 2 (dual SIM)</source>
        <translation>IMEI 2（双卡）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="27"/>
        <source>Model</source>
        <translation>型号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="28"/>
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="28"/>
        <source>Fault category</source>
        <translation>故障类别</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="28"/>
        <source>Fault description</source>
        <translation>故障描述</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="29"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="29"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="46"/>
        <source>Screen</source>
        <translation>屏幕</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="29"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="47"/>
        <source>Housing</source>
        <translation>外壳</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="30"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="48"/>
        <source>Water indicator</source>
        <translation>进水标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="30"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="49"/>
        <source>Buttons</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="31"/>
        <location filename="../../app/ui/pages/intake_labels.py" line="50"/>
        <source>Cameras</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="31"/>
        <source>Condition notes</source>
        <translation>外观备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="32"/>
        <source>Accessories received (comma separated)</source>
        <translation>随机附件（用逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="32"/>
        <source>Condition photos</source>
        <translation>外观照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="33"/>
        <source>Signed by</source>
        <translation>签名人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="33"/>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="33"/>
        <source>Estimate</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="34"/>
        <source>Deposit</source>
        <translation>押金</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="34"/>
        <source>Service agreement</source>
        <translation>维修服务协议</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="34"/>
        <source>Condition checklist</source>
        <translation>外观检查</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="39"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="39"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="39"/>
        <source>Fault and condition</source>
        <translation>故障与外观</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="39"/>
        <source>Agreement and estimate</source>
        <translation>协议与报价</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="42"/>
        <source>Walk-in repair</source>
        <translation>到店维修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="42"/>
        <source>Send-in repair</source>
        <translation>寄修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="43"/>
        <source>Return / exchange</source>
        <translation>退换货</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="51"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="54"/>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="54"/>
        <source>Damaged</source>
        <translation>损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="54"/>
        <source>Not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="58"/>
        <source>1 - response in 30 minutes</source>
        <translation>1 - 30 分钟内响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="58"/>
        <source>2 - response in 2 hours</source>
        <translation>2 - 2 小时内响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="59"/>
        <source>3 - response in 24 business hours</source>
        <translation>3 - 24 个营业小时内响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="59"/>
        <source>4 - as the outlet sets</source>
        <translation>4 - 按网点设置</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="64"/>
        <location filename="../../app/ui/pages/intake_page.py" line="264"/>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="132"/>
        <source>Intake</source>
        <translation>收件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="71"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="72"/>
        <source>not asked for this service type</source>
        <translation>此服务类型不需要填写</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="73"/>
        <source>not a phone number</source>
        <translation>不是有效的手机号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="73"/>
        <source>not an e-mail address</source>
        <translation>不是有效的电子邮箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="74"/>
        <source>not a date up to today (YYYY-MM-DD)</source>
        <translation>须为今天或之前的日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="75"/>
        <source>check digit wrong (a digit is mistyped)</source>
        <translation>校验位不符（有数字输错）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="76"/>
        <source>the same as the first IMEI</source>
        <translation>与第一个 IMEI 相同</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="77"/>
        <source>an amount like 199.00</source>
        <translation>金额格式如 199.00</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_labels.py" line="82"/>
        <source>an IMEI has 15 digits</source>
        <translation>IMEI 应为 15 位数字</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="265"/>
        <source>New repair ticket</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="266"/>
        <source>&lt; Back (Alt+B)</source>
        <translation>&lt; 上一步 (Alt+B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="267"/>
        <source>Next (Ctrl+Enter) &gt;</source>
        <translation>下一步 (Ctrl+Enter) &gt;</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="268"/>
        <source>Save ticket (Ctrl+Enter)</source>
        <translation>保存维修单 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="269"/>
        <source>Read from the plugged phone</source>
        <translation>从已连接的手机读取</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="270"/>
        <source>The customer has read and signed the agreement</source>
        <translation>客户已阅读并签署协议</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="200"/>
        <source>Condition photo</source>
        <translation>外观照片</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="136"/>
        <source>Customer&apos;s age</source>
        <extracomment>Which step each field is on, so a refused intake opens the step of its first problem. Rows outside the service-type table that a person may leave empty.</extracomment>
        <translation>客户年龄</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="137"/>
        <source>Guardian&apos;s name (under-age customer)</source>
        <translation>监护人姓名（未成年客户）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="138"/>
        <source>The guardian agrees to the processing this service needs</source>
        <translation>监护人同意本服务所需的数据处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="201"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>照片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="211"/>
        <source>Cannot read the photo: %1</source>
        <translation>无法读取照片：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="215"/>
        <source>Photos must be JPEG or PNG files of at most 8 MB.</source>
        <translation>照片须为 JPEG 或 PNG 文件，且不超过 8 MB。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="221"/>
        <source>Photos: %1</source>
        <translation>照片：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="271"/>
        <source>Add photo...</source>
        <translation>添加照片...</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="284"/>
        <source>(optional)</source>
        <translation>（选填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="299"/>
        <source>Step %1 of %2: %3</source>
        <translation>第 %1 步，共 %2 步：%3</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="342"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="344"/>
        <source>Returning customer: details filled in; check them with the customer</source>
        <translation>老客户：已自动填写资料，请与客户核对</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="353"/>
        <source>IMEI valid</source>
        <translation>IMEI 有效</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="357"/>
        <source>Check digit wrong: read the IMEI again</source>
        <translation>校验位不符：请重新读取 IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="359"/>
        <source>%1 of 15 digits</source>
        <translation>已输入 %1 位，共 15 位</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="365"/>
        <source>The scan holds no valid IMEI.</source>
        <translation>扫描内容中没有有效的 IMEI。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="377"/>
        <source>No phone could be read: scan or type the IMEI.</source>
        <translation>无法读取手机：请扫描或输入 IMEI。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="386"/>
        <source>Filled in from the plugged phone.</source>
        <translation>已从连接的手机填写。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="439"/>
        <source>The customer must sign the agreement before the ticket is opened.</source>
        <translation>建单前客户必须签署服务协议。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="447"/>
        <source>Ticket %1 opened.</source>
        <translation>维修单 %1 已创建。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/intake_page.py" line="466"/>
        <source>Please fix: %1</source>
        <translation>请修改：%1</translation>
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
        <location filename="../../app/ui/main_window.py" line="162"/>
        <source>Repair Counter</source>
        <translation>维修柜台</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="163"/>
        <source>Lock (Ctrl+L)</source>
        <translation>锁定 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174"/>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="182"/>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="49"/>
        <source>The first manager account</source>
        <translation>第一个经理账号</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="50"/>
        <source>The manager adds the other staff accounts later.</source>
        <translation>经理之后可以添加其他员工账号。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="58"/>
        <source>&amp;Engineer ID</source>
        <translation>工程师编号(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="59"/>
        <source>Display &amp;name</source>
        <translation>显示名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="60"/>
        <source>&amp;Password (8 or more characters)</source>
        <translation>密码（至少 8 个字符）(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="61"/>
        <source>&amp;Confirm password</source>
        <translation>确认密码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="70"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="72"/>
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
        <location filename="../../app/ui/first_run_wizard.py" line="34"/>
        <source>Outlet &amp;code</source>
        <translation>网点代码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="35"/>
        <source>Outlet &amp;name</source>
        <translation>网点名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="36"/>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="37"/>
        <source>&amp;Address (printed on slips)</source>
        <translation>地址（打印在服务单上）(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PrintSlipPanel</name>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="93"/>
        <source>Repair slip</source>
        <translation>维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="94"/>
        <source>Print...</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="95"/>
        <source>Save PDF...</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="96"/>
        <source>Thermal</source>
        <translation>热敏打印</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="97"/>
        <source>Printer port</source>
        <translation>打印机端口</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="121"/>
        <source>Retry (%1 waiting)</source>
        <translation>重新打印（%1 张等待中）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="162"/>
        <source>Save the slip as PDF</source>
        <translation>将维修单保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="163"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="173"/>
        <source>Saving the slip...</source>
        <translation>正在保存维修单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="185"/>
        <source>Type the thermal printer&apos;s port first (for example COM3 or /dev/ttyUSB0).</source>
        <translation>请先输入热敏打印机端口（例如 COM3 或 /dev/ttyUSB0）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="188"/>
        <source>Sending the slip to the thermal printer...</source>
        <translation>正在发送维修单到热敏打印机…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="196"/>
        <source>Sending the kept slips again...</source>
        <translation>正在重新发送保留的维修单…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="202"/>
        <source> (copy %1)</source>
        <translation>（副本 %1）</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="203"/>
        <source>Slip printed%1: %2</source>
        <translation>维修单已打印%1：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="211"/>
        <source>%1 kept slip(s) printed.</source>
        <translation>已打印 %1 张保留的维修单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="219"/>
        <source>The printer is out of paper.</source>
        <translation>打印机缺纸。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="220"/>
        <source>The printer is offline or cannot be reached.</source>
        <translation>打印机离线或无法连接。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="221"/>
        <source>The slip is kept: fix the printer, then press Retry.</source>
        <translation>维修单已保留：请处理好打印机后点击“重新打印”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/print_slip_panel.py" line="223"/>
        <source>The slip was not printed.</source>
        <translation>维修单未打印。</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="132"/>
        <source>Access (export)</source>
        <extracomment>(export file, password or None for a key shown once), or None when the person cancelled.</extracomment>
        <translation>查阅（导出）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="132"/>
        <source>Rectification</source>
        <translation>更正</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="133"/>
        <source>Erasure</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="133"/>
        <source>Restriction</source>
        <translation>限制处理</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="134"/>
        <source>Objection</source>
        <translation>反对</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="134"/>
        <source>Withdrawal of consent</source>
        <translation>撤回同意</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="137"/>
        <source>&amp;Export...</source>
        <translation>导出(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="137"/>
        <source>&amp;Correct details...</source>
        <translation>更正信息(&amp;C)...</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="138"/>
        <source>&amp;Erase...</source>
        <translation>删除(&amp;E)...</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="138"/>
        <source>Re&amp;strict</source>
        <translation>限制处理(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="139"/>
        <source>Record &amp;objection</source>
        <translation>记录反对(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="139"/>
        <source>&amp;Withdraw consents</source>
        <translation>撤回同意(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="142"/>
        <location filename="../../app/ui/pages/privacy_page.py" line="346"/>
        <source>Privacy desk</source>
        <translation>隐私服务台</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="143"/>
        <source>New request</source>
        <translation>新申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="149"/>
        <source>Ticket number of the customer</source>
        <translation>客户的工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="150"/>
        <source>How was the identity checked? (e.g. ID card seen)</source>
        <translation>如何核验身份？（例如：已查验身份证）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="151"/>
        <source>&amp;Take request</source>
        <translation>受理申请(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="152"/>
        <source>C&amp;lose as answered</source>
        <translation>答复后关闭(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="153"/>
        <source>Re&amp;fuse</source>
        <translation>拒绝(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="154"/>
        <source>Run &amp;retention now</source>
        <translation>立即执行保留期限清理(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="155"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="155"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="155"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="156"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="156"/>
        <source>Due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="156"/>
        <source>At the latest</source>
        <translation>最迟期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="180"/>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="192"/>
        <source>%1 request(s) overdue: answer them first.</source>
        <translation>%1 项申请已逾期，请优先处理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="197"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="197"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="197"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="214"/>
        <source>Carry out</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="241"/>
        <source>Request %1 taken; answer by %2.</source>
        <translation>已受理申请 %1，请于 %2 前答复。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="249"/>
        <source>answered at the counter</source>
        <translation>已在柜台答复</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="249"/>
        <source>refused at the counter</source>
        <translation>已在柜台拒绝</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="251"/>
        <source>Request %1 closed.</source>
        <translation>申请 %1 已关闭。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="273"/>
        <source>Export written to %1.</source>
        <translation>导出文件已写入 %1。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="275"/>
        <source>Key (shown once, not stored): %1</source>
        <translation>密钥（仅显示一次，不会保存）：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="283"/>
        <source>Details corrected.</source>
        <translation>信息已更正。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="286"/>
        <source>Erase the personal data of request %1? This cannot be undone.</source>
        <translation>确定删除申请 %1 涉及的个人信息吗？此操作无法撤销。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="290"/>
        <source>Erased: %1 ticket(s) anonymised; the upstream is told.</source>
        <translation>已删除：%1 张工单已匿名化，并已通知上游。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="295"/>
        <source>Processing restricted: no diagnostics, sync or printing.</source>
        <translation>已限制处理：不再诊断、同步或打印。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="299"/>
        <source>Objection recorded.</source>
        <translation>已记录反对。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="303"/>
        <source>%1 consent(s) withdrawn.</source>
        <translation>已撤回 %1 项同意。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="337"/>
        <source>Retention has not run yet in this session.</source>
        <translation>本次登录尚未执行保留期限清理。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="339"/>
        <source>Retention ran at %1 UTC: %2 record(s) deleted or anonymised.</source>
        <translation>保留期限清理已于 %1 UTC 执行：%2 条记录已删除或匿名化。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="350"/>
        <source>Save the export</source>
        <translation>保存导出文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="354"/>
        <source>Export password</source>
        <translation>导出密码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="355"/>
        <source>Password the customer chooses (leave empty for a key shown once):</source>
        <translation>由客户设定的密码（留空则生成仅显示一次的密钥）：</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="362"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="362"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="362"/>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="363"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="365"/>
        <source>Correct details</source>
        <translation>更正信息</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/privacy_page.py" line="366"/>
        <source>%1 (leave empty to keep):</source>
        <translation>%1（留空则保持不变）：</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="112"/>
        <source>Service progress</source>
        <translation>维修进度查询</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="113"/>
        <source>For a customer asking about a repair: type or scan the ticket number, then the phone number or IMEI given at intake, and press Enter.</source>
        <translation>客户查询维修进度：输入或扫描工单号，再输入受理时登记的手机号或 IMEI，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="115"/>
        <source>Ticket number</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="116"/>
        <source>Phone number or IMEI</source>
        <translation>手机号或 IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="117"/>
        <source>e.g. SZ01-20261123-0042</source>
        <translation>例如 SZ01-20261123-0042</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="118"/>
        <source>as given at intake</source>
        <translation>受理时登记的号码</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="119"/>
        <source>Show progress</source>
        <translation>查询进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="120"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="120"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="128"/>
        <source>No ticket matches that number together with that phone number or IMEI.</source>
        <translation>没有与该工单号及该手机号或 IMEI 相符的工单。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="129"/>
        <source>Check the ticket number on the slip and give the phone number or IMEI used at intake.</source>
        <translation>请核对受理单上的工单号，并提供受理时登记的手机号或 IMEI。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="168"/>
        <source>Type the ticket number and the phone number or IMEI, then press Enter.</source>
        <translation>请输入工单号以及手机号或 IMEI，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/progress_page.py" line="210"/>
        <source>Ticket %1: %2</source>
        <translation>工单 %1：%2</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="135"/>
        <source>Counter queue</source>
        <translation>柜台队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="137"/>
        <source>Search or scan: ticket number, IMEI or its last 6, phone or its last 4, name, tracking number</source>
        <translation>搜索或扫描：维修单号、IMEI 或后 6 位、手机号或后 4 位、姓名、快递单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="142"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="142"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="142"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="142"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="142"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="143"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="143"/>
        <source>Due</source>
        <translation>响应期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="143"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="154"/>
        <source>Received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="154"/>
        <source>Diagnosing</source>
        <translation>检测中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="155"/>
        <source>Awaiting approval</source>
        <translation>待客户确认</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="155"/>
        <source>Repairing</source>
        <translation>维修中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="156"/>
        <source>Quality check</source>
        <translation>质检中</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="156"/>
        <source>Ready for pickup</source>
        <translation>待取机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="157"/>
        <source>Collected</source>
        <translation>已取机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="157"/>
        <source>Waiting for parts</source>
        <translation>等待配件</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="158"/>
        <source>Sent to repair centre</source>
        <translation>已送修理中心</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="158"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="159"/>
        <source>Returned unrepaired</source>
        <translation>未修复退回</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="164"/>
        <source>Walk-in repair</source>
        <translation>到店维修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="164"/>
        <source>Send-in repair</source>
        <translation>寄修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="165"/>
        <source>Return / exchange</source>
        <translation>退换货</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="188"/>
        <source>Open tickets: %1, overdue: %2</source>
        <translation>未结维修单：%1，已超时：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="196"/>
        <source>Search &quot;%2&quot;: %1 found (Esc: back to the queue)</source>
        <translation>搜索“%2”：找到 %1 张（按 Esc 返回队列）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="125"/>
        <location filename="../../app/ui/pages/queue_page.py" line="173"/>
        <source>OVERDUE %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue_page.py" line="171"/>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="84"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="85"/>
        <source>It opens the store when every password is lost. It is shown only now: print it or write it down, and keep it in the outlet safe.</source>
        <translation>当所有密码都遗失时，可用它打开数据库。它只显示这一次：请打印或抄写下来，并存放在网点保险柜中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="93"/>
        <source>&amp;Print the recovery key...</source>
        <translation>打印恢复密钥(&amp;P)……</translation>
    </message>
    <message>
        <location filename="../../app/ui/first_run_wizard.py" line="94"/>
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
    <name>OutletCalendarDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="33"/>
        <source>Opening hours and holidays</source>
        <translation>营业时间与节假日</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="43"/>
        <source>Save opening hours</source>
        <translation>保存营业时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="48"/>
        <source>hours that day; empty: closed</source>
        <translation>当天营业时间；留空表示休息</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="49"/>
        <source>Add holiday</source>
        <translation>添加节假日</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/outlet_calendar_dialog.py" line="53"/>
        <source>Remove holiday</source>
        <translation>删除节假日</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../app/ui/pages/staff_page.py" line="96"/>
        <source>Opening &amp;hours...</source>
        <translation>营业时间(&amp;H)……</translation>
    </message>
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
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/sync_status.py" line="44"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="74"/>
        <source>Offline: not enrolled with an upstream; %1 changes kept here</source>
        <translation>离线：尚未登记上游服务；%1 项更改保存在本机</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="76"/>
        <source>Syncing...</source>
        <translation>正在同步……</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="77"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="78"/>
        <source>Last sync %1 (UTC); %2 waiting</source>
        <translation>上次同步 %1 (UTC)；%2 项待同步</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="80"/>
        <source>last error: %1</source>
        <translation>上次错误：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="82"/>
        <source>reference data %1</source>
        <translation>参考数据 %1</translation>
    </message>
</context>
<context>
    <name>TicketDetailPage</name>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="180"/>
        <source>Purchase date per the registry %1 (the customer said %2).</source>
        <translation>购买日期以厂商登记为准：%1（客户所述 %2）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="96"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="96"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="96"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="97"/>
        <source>Warranty</source>
        <translation>保修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="97"/>
        <source>Response due</source>
        <translation>响应期限</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="98"/>
        <source>Service agreement</source>
        <translation>维修服务协议</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="98"/>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="186"/>
        <source>Estimate</source>
        <translation>报价</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="101"/>
        <source>Status history</source>
        <translation>状态记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="102"/>
        <source>Estimate and invoice</source>
        <translation>报价与账单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="103"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="103"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="103"/>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="103"/>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="104"/>
        <source>Line</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="104"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="104"/>
        <source>Price</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="105"/>
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="106"/>
        <source>Move</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="107"/>
        <source>Phone last 4</source>
        <translation>手机号后四位</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="108"/>
        <source>Collected by (name)</source>
        <translation>取机人姓名</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="109"/>
        <source>Hand over</source>
        <translation>交付取机</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="142"/>
        <source>Signed by %1</source>
        <translation>已由 %1 签署</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="143"/>
        <source>Not signed yet: no work may start</source>
        <translation>尚未签署：不得开始维修</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="155"/>
        <source>In warranty</source>
        <translation>在保修期内</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="155"/>
        <source>Not in warranty</source>
        <translation>不在保修期内</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="165"/>
        <source>Responded %1</source>
        <translation>已于 %1 响应</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="166"/>
        <source>in time</source>
        <translation>按时</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="166"/>
        <source>late</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="170"/>
        <source>%1 OVERDUE</source>
        <translation>%1 已超时</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/ticket_detail_page.py" line="186"/>
        <source>Invoice</source>
        <translation>账单</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="71"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="73"/>
        <location filename="../../app/ui/pages/tickets_page.py" line="76"/>
        <source>Ticket</source>
        <translation>工单号</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="73"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="73"/>
        <source>Service</source>
        <translation>服务类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="73"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="74"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="74"/>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="76"/>
        <source>Counter queue</source>
        <translation>柜台队列</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="76"/>
        <source>New ticket</source>
        <translation>新建维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="77"/>
        <source>Newest tickets</source>
        <translation>最新维修单</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/tickets_page.py" line="77"/>
        <source>Service progress</source>
        <translation>维修进度查询</translation>
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
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>Audit journal</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>Phones</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>Diagnostics</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="82"/>
        <source>Privacy desk</source>
        <translation>隐私服务台</translation>
    </message>
</context>
</TS>
